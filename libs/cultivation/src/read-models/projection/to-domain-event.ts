import type { StoredEvent } from '@cl/event-store';
import { upcast } from '../../domain';

/** A stored event as the domain reads it: upcast to the current schema version (metadata.schemaVersion, default 1). */
export function toDomainEvent(stored: StoredEvent): { type: string; data: unknown } {
  const version = Number(stored.metadata.schemaVersion ?? 1);
  const { type, data } = upcast({
    type: stored.type,
    schemaVersion: Number.isInteger(version) ? version : 1,
    data: stored.data,
  });
  return { type, data };
}
