import type { Actor } from '@cl/platform';
import { Refusal } from '@cl/refusals';
import type { EventSource } from '../../domain';

/** Who sends a command, from where, and under which idempotency and concurrency terms. */
export interface CommandContext {
  readonly actor: Actor;
  readonly source: EventSource;
  /** Idempotency key: the same id again returns the first result and writes nothing. */
  readonly commandId?: string | null;
  /** The stream version the caller last saw; a mismatch is a CONFLICT. */
  readonly expectedVersion?: number | null;
  readonly correlationId: string;
  /** The message that caused this command (defaults to the command id). */
  readonly causationId?: string;
}

/** A command refused because the caller's view of the stream is out of date, or retries ran out. */
export class VersionConflict extends Refusal {
  readonly code = 'CONFLICT' as const;
  constructor(field: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super('STREAM_VERSION_CONFLICT', field, message, details);
  }
}
