// Test support: an event as a newer release would write it, which this code cannot read (a poison event here).
import { randomUUID } from 'node:crypto';
import type { EventStore, StoredEvent } from '@cl/event-store';

/** Appends an EnterpriseRenamed in schema version 2 (this code reads v1 only) to `streamId`. */
export async function appendRenameV2(store: EventStore, streamId: string, name: string): Promise<StoredEvent> {
  const result = await store.append({
    streamId,
    expected: 'ANY',
    events: [
      {
        eventId: randomUUID(),
        type: 'EnterpriseRenamed',
        data: { name, effectiveOn: '2025-02-01', reason: 'written by a newer release' },
        metadata: { schemaVersion: 2, source: 'SYSTEM', actor: { sub: 'newer-release', roles: [] } },
      },
    ],
  });
  return result.events[0]!;
}
