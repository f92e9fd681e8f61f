import { createEventStore } from './create-event-store';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

describe('createEventStore', () => {
  it('builds the adapter the configuration names, without connecting yet', async () => {
    const stores = [
      createEventStore({ kind: 'memory' }),
      createEventStore({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' }),
      createEventStore({
        kind: 'eventstoredb',
        connectionString: 'esdb://127.0.0.1:1?tls=false',
        streamPrefixes: ['x-'],
      }),
    ];
    expect(stores[0]).toBeInstanceOf(InMemoryEventStore);
    expect(stores[1]).toBeInstanceOf(PostgresEventStore);
    expect(stores[2]).toBeInstanceOf(EventStoreDbEventStore);
    await Promise.all(stores.map((s) => s.close()));
  });
});
