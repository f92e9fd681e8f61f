// The rebuild's fold in worker threads (parallel-fold.ts) for real: the log cut into ranges of streams, each
// folded and COPYed by its own thread on its own connections, the sums merged; the result equals the live
// read models and a rebuild in one thread. A worker that fails aborts the rebuild and leaves the live schema as it was.
import { randomUUID } from 'node:crypto';
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore, StoredEvent } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { ProjectionStatusQueries } from '../../application/queries';
import { enterpriseStreamName } from '../../domain';
import { ProjectorService } from '../projector/projector.service';
import { LIVE_SCHEMA, REBUILD_SCHEMA } from '../schema';
import { dumpReadModels, openReadSide } from '../testing/read-model-fixture';
import { E, writeScenario } from '../testing/scenario';
import { TestLedger } from '../testing/test-ledger';
import { planParallelFold } from './parallel-fold';
import { rebuildReadModels } from './rebuild';
import { verifyReadModels } from './verify';

const silent = createLogger('silent');

const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  const ledger = new TestLedger(store);
  await writeScenario(ledger);
  await ledger.setTarget('2026-01-05', { tier: 'TECH_SME', metric: 'ACTIVE', target: 40, deadline: '2027-12-31' });
  const projector = new ProjectorService(dataSource, store, silent, { retryMs: 100, pollIntervalMs: 20 });
  projector.start();
  expect(await new ProjectionStatusQueries(dataSource, store).waitForPosition((await store.head())!, 20_000)).toBe(
    true,
  );
  await projector.stop();
});
afterAll(() => close());

it('cuts the log into ranges of streams that together hold every event once', async () => {
  const head = (await store.head())!;
  const tasks = (await planParallelFold(dataSource, store, REBUILD_SCHEMA, head, { workers: 3 }))!;
  expect(tasks.length).toBe(3);
  const read: StoredEvent[] = [];
  for (const task of tasks) for await (const page of store.readByStream(head, task.range)) read.push(...page);
  const all: StoredEvent[] = [];
  for await (const page of store.readByStream(head)) all.push(...page);
  expect(read.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
  // One worker asked for, or one range only: the rebuild folds in its own thread.
  expect(await planParallelFold(dataSource, store, REBUILD_SCHEMA, head, { workers: 1 })).toBeNull();
});

it('rebuilds in three worker threads the same read models as live projection and as one thread', async () => {
  const live = await dumpReadModels(dataSource, LIVE_SCHEMA);
  expect(live.count_tree!.length).toBeGreaterThan(0);
  expect(live.targets!.length).toBeGreaterThan(0);
  const progress: number[] = [];
  const result = await rebuildReadModels(dataSource, store, {
    workers: 3,
    batchSize: 5, // pages cut streams apart inside each range
    onProgress: (p) => void (p.phase === 'replaying' && progress.push(p.done)),
  });
  expect(result.position).toBe(await store.head());
  expect(progress.at(-1)).toBe(result.events);
  expect(await dumpReadModels(dataSource, LIVE_SCHEMA)).toEqual(live);
  await rebuildReadModels(dataSource, store, { workers: 1 });
  expect(await dumpReadModels(dataSource, LIVE_SCHEMA)).toEqual(live);
  expect(await verifyReadModels(dataSource, store, { workers: 3 })).toEqual([]);
});

it('aborts when one worker fails, leaving the live read models untouched and no COPY running', async () => {
  const live = await dumpReadModels(dataSource, LIVE_SCHEMA);
  // An event this code cannot fold, in one stream of one range (the live projector would stall on it too).
  const streamId = enterpriseStreamName(E(12));
  await store.append({
    streamId,
    expected: 'ANY',
    events: [{ eventId: randomUUID(), type: 'NotAnEventOfThisCode', data: {}, metadata: { schemaVersion: 1 } }],
  });
  await expect(rebuildReadModels(dataSource, store, { workers: 3, batchSize: 5 })).rejects.toThrow(
    /rebuild worker for streams .* failed/,
  );
  expect(await dumpReadModels(dataSource, LIVE_SCHEMA)).toEqual(live);
  // The other workers were stopped: their connections go away, no COPY into the scratch schema is left running.
  const copying = () =>
    dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'COPY ${REBUILD_SCHEMA}.%'
      AND state <> 'idle' AND datname = current_database()`) as Promise<{ n: number }[]>;
  for (let n = (await copying())[0]!.n; n > 0; n = (await copying())[0]!.n) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect((await copying())[0]!.n).toBe(0);
});
