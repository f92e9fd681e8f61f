// The PostgreSQL adapter under contention: clashes stay typed, and the subscriber neither skips nor repeats events,
// also when a transaction commits long after later ones.
import { Client } from 'pg';
import { useTestDatabase } from '@cl/testing';
import type { StoredEvent } from '../event-store';
import { WrongExpectedVersion } from '../errors';
import { eventually, newEvent, sleep, strictlyIncreasing } from '../contract/contract-helpers';
import { appendWithinTransaction } from './append-sql';
import { migrateEventStore } from './migrate.test-helper';
import { PostgresEventStore } from './postgres-event-store';

const db = useTestDatabase();
let store: PostgresEventStore;

beforeAll(async () => {
  await migrateEventStore(db.url);
  store = new PostgresEventStore({ url: db.url, poolSize: 30 });
});
afterAll(() => store.close());

/** Subscribes from the current head and collects every delivery. */
async function subscribeFromHead(): Promise<{ seen: StoredEvent[]; stop: () => Promise<void> }> {
  const seen: StoredEvent[] = [];
  const sub = store.subscribe(await store.head(), async (batch) => {
    seen.push(...batch);
  });
  return { seen, stop: () => sub.stop() };
}

it('lets exactly one of 50 concurrent appends at the same version succeed; the others get WrongExpectedVersion', async () => {
  await store.append({ streamId: 'race-1', events: [newEvent()], expected: 'NO_STREAM' });
  const outcomes = await Promise.allSettled(
    Array.from({ length: 50 }, () =>
      store.append({ streamId: 'race-1', events: [newEvent(), newEvent()], expected: 0 }),
    ),
  );
  const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
  expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  expect(failures).toHaveLength(49);
  expect(failures.every((f) => f instanceof WrongExpectedVersion && f.actual === 2)).toBe(true);
  expect(await store.streamVersion('race-1')).toBe(2);
});

it('delivers all 10,000 events of 20 concurrent writers exactly once, in strictly increasing positions', async () => {
  const subscriber = await subscribeFromHead();
  const writers = Array.from({ length: 20 }, async (_, w) => {
    for (let version = -1; version < 499; version += 5) {
      const events = Array.from({ length: 5 }, (_, i) => newEvent('Counted', { w, n: version + 1 + i }));
      await store.append({ streamId: `writer-${w}`, events, expected: version === -1 ? 'NO_STREAM' : version });
    }
  });
  await Promise.all(writers);
  await eventually(
    async () => subscriber.seen.length,
    (n) => n >= 10_000,
    30_000,
  );
  await sleep(200);
  await subscriber.stop();
  const { seen } = subscriber;
  expect(seen).toHaveLength(10_000);
  expect(new Set(seen.map((e) => e.eventId)).size).toBe(10_000);
  expect(strictlyIncreasing(seen)).toBe(true);
  for (let w = 0; w < 20; w++) {
    const versions = seen.filter((e) => e.streamId === `writer-${w}`).map((e) => e.version);
    expect(versions).toEqual(Array.from({ length: 500 }, (_, i) => i));
  }
});

it('delivers an event whose transaction stays open for 2 s while later appends commit, in position order', async () => {
  const subscriber = await subscribeFromHead();
  const slow = new Client({ connectionString: db.url });
  await slow.connect();
  try {
    await slow.query('BEGIN');
    const [held] = await appendWithinTransaction(slow, [
      { streamId: 'slow-1', events: [newEvent('Slow')], expected: 'NO_STREAM' },
    ]);
    const later = [];
    for (let i = 0; i < 10; i++) {
      later.push(await store.append({ streamId: `fast-${i}`, events: [newEvent('Fast')], expected: 'NO_STREAM' }));
    }
    await sleep(2000);
    // Committed but not deliverable yet: an older transaction may still add events before them.
    expect(subscriber.seen).toEqual([]);
    await slow.query('COMMIT');
    await eventually(
      async () => subscriber.seen.length,
      (n) => n >= 11,
    );
    await sleep(200);
    await subscriber.stop();
    expect(subscriber.seen.map((e) => e.eventId)).toEqual([
      held!.events[0]!.eventId,
      ...later.map((r) => r.events[0]!.eventId),
    ]);
    expect(strictlyIncreasing(subscriber.seen)).toBe(true);
  } finally {
    await slow.end();
  }
});

it('keeps delivering by polling when the LISTEN connection is killed', async () => {
  const subscriber = await subscribeFromHead();
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  try {
    await eventually(
      async () => (await admin.query("SELECT 1 FROM pg_stat_activity WHERE query LIKE 'LISTEN%'")).rowCount ?? 0,
      (n) => n > 0,
    );
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'");
    const { events } = await store.append({ streamId: 'after-kill', events: [newEvent()], expected: 'NO_STREAM' });
    await eventually(
      async () => subscriber.seen.map((e) => e.eventId),
      (seen) => seen.includes(events[0]!.eventId),
    );
    await subscriber.stop();
  } finally {
    await admin.end();
  }
});
