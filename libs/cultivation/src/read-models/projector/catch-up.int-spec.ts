// Catch-up: a projector far behind takes the backlog on the rebuild's path — merged into the live read models in
// large ranges, or re-derived into the shadow schema and swapped in when it is most of the log — then follows the
// log batch by batch. The result equals a rebuild; queries answer meanwhile with the exact lag.
import { randomUUID } from 'node:crypto';
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { ProjectionStatusQueries } from '../../application/queries';
import { seedDemoCohort } from '../../application/demo';
import { readCheckpoint } from '../projection/checkpoint';
import { rebuildReadModels } from '../rebuild/rebuild';
import { verifyReadModels } from '../rebuild/verify';
import { LIVE_SCHEMA, qualified, READ_MODEL_TABLES } from '../schema';
import { dumpReadModels, openDataSource, openReadSide } from '../testing/read-model-fixture';
import { writeScenario } from '../testing/scenario';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { ProjectorService, type ProjectorOptions } from './projector.service';

const silent = createLogger('silent');
const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;
let status: ProjectionStatusQueries;

const COHORT = { seed: 23, enterprises: 150, batchStreams: 50 };

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  status = new ProjectionStatusQueries(dataSource, store);
});
afterAll(() => close());

/**
 * Runs a projector with `options` until the read models have applied the head; returns what it noticed. `options`
 * may use the status queries of its process (`paced`: etaSeconds at its pace).
 */
async function projectToHead(
  options: ProjectorOptions | ((paced: ProjectionStatusQueries) => ProjectorOptions),
  during?: () => Promise<void>,
): Promise<string[]> {
  let paced = status;
  const notices: string[] = [];
  const errors: unknown[] = [];
  const projector = new ProjectorService(dataSource, store, silent, {
    retryMs: 50,
    pollIntervalMs: 20,
    onNotice: (m) => notices.push(m),
    onError: (e) => errors.push(e),
    ...(typeof options === 'function'
      ? options({ projectionStatus: () => paced.projectionStatus() } as never)
      : options),
  });
  paced = new ProjectionStatusQueries(dataSource, store, undefined, projector);
  projector.start();
  try {
    await during?.();
    expect(await status.waitForPosition((await store.head())!, 60_000)).toBe(true);
  } finally {
    await projector.stop();
  }
  expect(errors).toEqual([]);
  return notices;
}

/** The number of events after `from` up to `upTo`, counted here in SQL. */
async function eventsBetween(from: string, upTo: string): Promise<number> {
  const [row] = await dataSource.query(
    'SELECT count(*)::int AS n FROM events WHERE global_position > $1 AND global_position <= $2',
    [from, upTo],
  );
  return row.n;
}

it('merges a backlog into the live read models in ranges, equal to a rebuild, answering with the exact lag meanwhile', async () => {
  // Projected live: the cohort's history up to 2024 and the worked scenario.
  await seedDemoCohort(store, { ...COHORT, today: '2024-06-30' });
  await writeScenario(new TestLedger(store));
  await projectToHead({ catchUpThreshold: Infinity });
  const before = (await readCheckpoint(dataSource, LIVE_SCHEMA)).position!;

  // The backlog: two more years of the same enterprises (renewals, lapses, relocations …), each touching rows the
  // live read models already hold.
  await seedDemoCohort(store, { ...COHORT, today: '2026-06-30' });
  const head = (await store.head())!;
  const backlog = await eventsBetween(before, head);
  expect(backlog).toBeGreaterThan(300);
  expect(await status.projectionStatus()).toMatchObject({ lag: backlog, etaSeconds: null });

  const seen: { lag: number; position: string; headPosition: string; etaSeconds: number | null }[] = [];
  const notices = await projectToHead((paced) => ({
    catchUpThreshold: 50,
    catchUpRange: 50,
    // After each range's commit, a status query answers with the lag as of its own reads.
    onBatch: () => void paced.projectionStatus().then((s) => seen.push(s)),
  }));
  expect(notices).toEqual([expect.stringMatching(new RegExp(`^catching up ${backlog} events .* by merging them`))]);
  await new Promise((r) => setTimeout(r, 200)); // the last status queries answer
  const during = seen.filter((s) => s.lag > 0);
  expect(during.length).toBeGreaterThan(1);
  for (const s of during) expect(s.lag).toBe(await eventsBetween(s.position, s.headPosition));
  // The ranges commit one after another: the checkpoint moved in steps, each a whole range.
  expect(new Set(during.map((s) => s.position)).size).toBeGreaterThan(1);
  expect(during.some((s) => s.etaSeconds !== null && s.etaSeconds > 0)).toBe(true);
  expect(await status.projectionStatus()).toMatchObject({ lag: 0, etaSeconds: null, position: head });

  expect(await verifyReadModels(dataSource, store)).toEqual([]);
  const merged = await dumpReadModels(dataSource, LIVE_SCHEMA);
  await rebuildReadModels(dataSource, store);
  expect(await dumpReadModels(dataSource, LIVE_SCHEMA)).toEqual(merged);
}, 180_000);

it('re-derives the read side in the shadow schema when the backlog is most of the log, then follows the log', async () => {
  // An emptied read side (a restore, or a release that dropped them): the whole log is the backlog.
  await dataSource.query(`TRUNCATE ${READ_MODEL_TABLES.map((t) => qualified(LIVE_SCHEMA, t)).join(', ')}`);
  const head = (await store.head())!;
  const log = await eventsBetween('-1', head);
  const code = creditCode(2301);
  const notices = await projectToHead({ catchUpThreshold: 100 }, async () => {
    // Appended while it re-derives: applied by the rebuild's last step or the live path after it.
    await new TestLedger(store).run(code, '2026-07-01', {
      type: 'RegisterEnterprise',
      data: { creditCode: code, name: '追赶期间登记企业', district: '120101' },
    });
  });
  expect(notices[0]).toMatch(/^catching up (\d+) events \(the log holds \1\) by re-deriving the read models/);
  const [, counted] = /^catching up (\d+)/.exec(notices[0]!)!;
  expect(Number(counted)).toBeGreaterThanOrEqual(log); // and the one appended meanwhile, if it came first
  expect(await status.projectionStatus()).toMatchObject({ lag: 0, rebuilding: false });
  expect(
    await dataSource.query(`SELECT name FROM ${LIVE_SCHEMA}.enterprise_summary WHERE credit_code = $1`, [code]),
  ).toEqual([{ name: '追赶期间登记企业' }]);
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
}, 180_000);

it('re-derives with a small pool: the leader lock and the rebuild lock held, the load takes connections of its own', async () => {
  // A CLI or bench process's DataSource of three: one for the leader lock, one for the rebuild lock, one for the
  // rest. The bulk load holds five connections at once; from this pool it waited forever for them.
  const small = await openDataSource(db.url, 3);
  await dataSource.query(`TRUNCATE ${READ_MODEL_TABLES.map((t) => qualified(LIVE_SCHEMA, t)).join(', ')}`);
  const head = (await store.head())!;
  const notices: string[] = [];
  const projector = new ProjectorService(small, store, silent, {
    retryMs: 50,
    pollIntervalMs: 20,
    catchUpThreshold: 100,
    onNotice: (m) => notices.push(m),
  });
  projector.start();
  try {
    expect(await status.waitForPosition(head, 30_000)).toBe(true);
  } finally {
    await projector.stop();
    await small.destroy();
  }
  expect(notices).toEqual([expect.stringMatching(/by re-deriving the read models/)]);
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
}, 120_000);

it('counts a lag beyond ten thousand events exactly', async () => {
  const { position } = await readCheckpoint(dataSource, LIVE_SCHEMA);
  const streams = Array.from({ length: 120 }, () => ({
    streamId: `lag-${randomUUID()}`,
    expected: 'NO_STREAM' as const,
    events: Array.from({ length: 100 }, (_, i) => ({
      eventId: randomUUID(),
      type: 'LagCounted',
      data: { i },
      metadata: {},
    })),
  }));
  await store.appendMany(streams);
  const shown = await status.projectionStatus();
  expect(shown.position).toBe(position);
  expect(shown.lag).toBe(12_000);
  // Not enterprise streams: the projector passes over them, and the lag is 0 again.
  await projectToHead({ catchUpThreshold: 5_000 });
  expect((await status.projectionStatus()).lag).toBe(0);
}, 120_000);
