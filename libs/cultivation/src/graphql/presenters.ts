// Enterprises are shown through application/queries' toEnterprise; this maps stored events.
import type { StoredEvent } from '@cl/event-store';
import type { RecordedEvent } from './types/enterprise.types';

/** A stored event with its metadata, as auditors and command results see it. */
export function presentEvent(event: StoredEvent): RecordedEvent {
  const meta = event.metadata as {
    actor?: { sub?: string };
    source?: string;
    correlationId?: string;
    causationId?: string;
    commandId?: string;
  };
  return {
    position: event.position,
    version: event.version,
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    recordedAt: event.recordedAt,
    actor: meta.actor?.sub ?? null,
    source: meta.source ?? 'UNKNOWN',
    correlationId: meta.correlationId ?? null,
    causationId: meta.causationId ?? null,
    commandId: meta.commandId ?? null,
    // The store's recording time is the one (see EventMetadata); older events' own copy is replaced by it.
    metadata: { ...event.metadata, recordedAt: event.recordedAt.toISOString() },
  };
}
