// The PostgreSQL append as one statement: how many statements it costs, and the races it must survive.
import { Pool } from 'pg';
import { useTestDatabase } from '@cl/testing';
import type { AppendRequest } from '../event-store';
import { DuplicateEventId, InvalidAppend, WrongExpectedVersion } from '../errors';
import { newEvent } from '../contract/contract-helpers';
import { MAX_EVENTS_PER_TRANSACTION } from './append-sql';
import { migrateEventStore } from './migrate.test-helper';
import { PostgresEventStore } from './postgres-event-store';

const db = useTestDatabase();
let pool: Pool;
let store: PostgresEventStore;
let statements: string[];
/** The wake-up notifications the store sent after committing (not part of an append's statements). */
let notifies: number;

beforeAll(async () => {
  await migrateEventStore(db.url);
  pool = new Pool({ connectionString: db.url, max: 20 });
  pool.on('error', () => undefined); // idle clients see the test database dropped at the end
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const config = args[0] as string | { text: string };
    const text = typeof config === 'string' ? config : config.text;
    if (text.startsWith('SELECT pg_notify')) notifies++;
    else statements.push(text);
    return query(...args);
  };
  store = new PostgresEventStore({ pool });
});
beforeEach(() => {
  statements = [];
  notifies = 0;
});
const settled = () => new Promise((r) => setTimeout(r, 50));
afterAll(async () => {
  await store.close();
  await pool.end();
});

const streams = (tag: string, n: number, perStream: number, commandIds = false): AppendRequest[] =>
  Array.from({ length: n }, (_, s) => ({
    streamId: `${tag}-${s}`,
    events: Array.from({ length: perStream }, (_, e) => newEvent('Counted', { s, e })),
    expected: 'NO_STREAM' as const,
    ...(commandIds ? { commandId: `${tag}-cmd-${s}` } : {}),
  }));

it('appends 500 streams, with command ids, in one statement; a repeat is one more for each duplicate', async () => {
  const requests = streams('bulk', 500, 4, true);
  const results = await store.appendMany(requests);
  expect(statements).toHaveLength(1);
  expect(results.every((r, s) => !r.duplicate && r.nextVersion === 3 && r.streamId === `bulk-${s}`)).toBe(true);
  const read = await store.readStreams(requests.map((r) => r.streamId));
  results.forEach((r) => expect(read.get(r.streamId)).toEqual(r.events));
  // Positions: one transaction, events numbered 0…1999 in request order.
  const positions = results.flatMap((r) => r.events.map((e) => BigInt(e.position)));
  expect(positions.map((p) => Number(p & BigInt(MAX_EVENTS_PER_TRANSACTION - 1)))).toEqual(
    Array.from({ length: 2000 }, (_, i) => i),
  );
  expect(new Set(positions.map((p) => p >> 20n)).size).toBe(1);

  statements = [];
  const again = await store.appendMany(requests.slice(0, 3));
  expect(again).toEqual(results.slice(0, 3).map((r) => ({ ...r, duplicate: true })));
  expect(statements).toHaveLength(1 + 3);
});

it('wakes subscribers after an append commits, outside its statement, and not for a pure repeat', async () => {
  const requests = streams('wake', 2, 1, true);
  await store.appendMany(requests);
  await settled();
  expect(notifies).toBe(1);
  notifies = 0;
  await store.appendMany(requests); // duplicates only: nothing new to see
  await settled();
  expect(notifies).toBe(0);
});

it('appends one stream in one statement', async () => {
  await store.append({ streamId: 'single', events: [newEvent()], expected: 'NO_STREAM', commandId: 'single-1' });
  await store.append({ streamId: 'single', events: [newEvent()], expected: 0 });
  expect(statements).toHaveLength(2);
});

it('writes nothing of a batch whose last stream clashes, and names that stream', async () => {
  const requests = streams('clash', 50, 2, true);
  await store.append({ streamId: 'clash-49', events: [newEvent()], expected: 'NO_STREAM' });
  await expect(store.appendMany(requests)).rejects.toMatchObject({
    name: 'WrongExpectedVersion',
    streamId: 'clash-49',
    expected: 'NO_STREAM',
    actual: 0,
  });
  expect(await store.streamVersion('clash-0')).toBeNull();
  expect(await store.findCommand('clash-cmd-0')).toBeNull();
});

it('writes each command once when overlapping batches with the same command ids race', async () => {
  const batches = Array.from({ length: 8 }, () => streams('overlap', 40, 3, true).reverse());
  const outcomes = await Promise.all(batches.map((b) => store.appendMany(b)));
  for (let s = 0; s < 40; s++) {
    const written = outcomes.map((o) => o.find((r) => r.streamId === `overlap-${s}`)!);
    expect(written.filter((r) => !r.duplicate)).toHaveLength(1);
    const first = written.find((r) => !r.duplicate)!;
    for (const r of written) expect(r.events).toEqual(first.events);
    expect(await store.readStream(`overlap-${s}`)).toEqual(first.events);
  }
});

it('answers a racing identical command (same event ids) as a duplicate, not as DuplicateEventId', async () => {
  const request: AppendRequest = {
    streamId: 'same-ids',
    events: [newEvent(), newEvent()],
    expected: 'ANY',
    commandId: 'same-ids-cmd',
  };
  const results = await Promise.all(Array.from({ length: 10 }, () => store.append(request)));
  expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  expect(await store.streamVersion('same-ids')).toBe(1);
});

it('keeps ANY appends racing on one stream dense and gap-free', async () => {
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      store.append({ streamId: 'any-race', events: [newEvent('N', { i }), newEvent('N', { i })], expected: 'ANY' }),
    ),
  );
  expect((await store.readStream('any-race')).map((e) => e.version)).toEqual(Array.from({ length: 40 }, (_, i) => i));
});

it('maps a reused event id to DuplicateEventId and refuses too many events in one transaction', async () => {
  const event = newEvent();
  await store.append({ streamId: 'dup-id-1', events: [event], expected: 'NO_STREAM' });
  await expect(store.append({ streamId: 'dup-id-2', events: [event], expected: 'NO_STREAM' })).rejects.toBeInstanceOf(
    DuplicateEventId,
  );
  const many = { streamId: 'too-many', events: new Array(MAX_EVENTS_PER_TRANSACTION + 1).fill(event), expected: 'ANY' };
  await expect(store.append(many as AppendRequest)).rejects.toBeInstanceOf(InvalidAppend);
  await expect(store.append({ streamId: 'dup-id-1', events: [], expected: 3 })).rejects.toBeInstanceOf(
    WrongExpectedVersion,
  );
});

it('reads the recording times back when the rows of one statement do not share one', async () => {
  await pool.query('ALTER TABLE events ALTER COLUMN recorded_at SET DEFAULT clock_timestamp()');
  try {
    const results = await store.appendMany(streams('clock', 200, 5));
    const times = new Set(results.flatMap((r) => r.events.map((e) => e.recordedAt.getTime())));
    expect(times.size).toBeGreaterThan(1);
    const read = await store.readStreams(results.map((r) => r.streamId));
    for (const r of results) expect(read.get(r.streamId)).toEqual(r.events);
  } finally {
    await pool.query(
      "ALTER TABLE events ALTER COLUMN recorded_at SET DEFAULT date_trunc('milliseconds', statement_timestamp())",
    );
  }
});
