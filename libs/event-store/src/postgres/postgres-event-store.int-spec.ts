import { useTestDatabase } from '@cl/testing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { migrateEventStore } from './migrate.test-helper';
import { PostgresEventStore } from './postgres-event-store';

const db = useTestDatabase();
beforeAll(() => migrateEventStore(db.url));

describeEventStoreContract('PostgreSQL', async () => {
  const store = new PostgresEventStore({ url: db.url, poolSize: 5 });
  return { store, cleanup: () => store.close() };
});

describe('PostgreSQL countBetween (projection lag without reading the events)', () => {
  it('counts the events after a position up to another, at most the limit', async () => {
    const store = new PostgresEventStore({ url: db.url, poolSize: 2 });
    try {
      const stream = `lag-${Date.now()}`;
      const before = await store.head();
      const event = (n: number) => ({ eventId: crypto.randomUUID(), type: 'Counted', data: { n }, metadata: {} });
      const first = await store.append({ streamId: stream, events: [event(1), event(2)], expected: 'NO_STREAM' });
      const second = await store.append({ streamId: stream, events: [event(3), event(4), event(5)], expected: 1 });
      const head = second.position!;
      expect(await store.countBetween(before, head, 100)).toBe(5);
      expect(await store.countBetween(first.position, head, 100)).toBe(3);
      expect(await store.countBetween(before, first.position!, 100)).toBe(2);
      expect(await store.countBetween(before, head, 4)).toBe(4);
      expect(await store.countBetween(head, head, 100)).toBe(0);
    } finally {
      await store.close();
    }
  });
});
