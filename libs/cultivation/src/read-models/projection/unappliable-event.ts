import type { StoredEvent } from '@cl/event-store';

/**
 * One event the projection cannot apply: an unknown type, a schema version newer than this code, data this code
 * cannot read, or a bug. Applying it again with the same code fails the same way, so the projector stalls on it
 * (ProjectorService) instead of retrying; the message names the event.
 */
export class UnappliableEvent extends Error {
  readonly position: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;

  constructor(
    event: Pick<StoredEvent, 'position' | 'eventId' | 'streamId' | 'type'>,
    override readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`event ${event.type} at position ${event.position} (${event.streamId}) cannot be applied: ${reason}`);
    this.name = 'UnappliableEvent';
    this.position = event.position;
    this.eventId = event.eventId;
    this.streamId = event.streamId;
    this.type = event.type;
  }

  /** The error itself, without the event's description. */
  get reason(): string {
    return this.cause instanceof Error ? this.cause.message : String(this.cause);
  }
}
