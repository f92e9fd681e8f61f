// copy-log PostgreSQL → PostgreSQL: interrupted (stopped between batches, and a batch whose acknowledgement was
// lost after it committed), resumed from the target's own contents, the copy equal to the source (events in order
// with their ids, data, metadata and times; command records), a later run copying only what was appended since,
// and a target holding another log refused.
import { Pool } from 'pg';
import {
  copyLog,
  newEventId,
  PostgresEventStore,
  PostgresLogTarget,
  TargetNotEmpty,
  type LogTarget,
  type StoredEvent,
} from '@cl/event-store';
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { DataSource } from 'typeorm';
import { seedDemoCohort } from '../application/demo';
import { rebuildReadModels } from '../read-models';
import { openReadSide } from '../read-models/testing/read-model-fixture';
import { writeScenario } from '../read-models/testing/scenario';
import { creditCode, TestLedger } from '../read-models/testing/test-ledger';
import { migrateLedgerDatabase } from './open-ledger';
import { readModelsOfMovedLog } from './read-models-compare.test-helper';

const silent = createLogger('silent');
const sourceDb = useTestDatabase();
const targetDb = useTestDatabase();
const foreignDb = useTestDatabase();

let source: { dataSource: DataSource; store: PostgresEventStore; close: () => Promise<void> };
let sourcePool: Pool;
let targetStore: PostgresEventStore;
const all = (store: PostgresEventStore): Promise<StoredEvent[]> => store.readAll(null, 1_000_000);

beforeAll(async () => {
  source = await openReadSide(sourceDb.url);
  sourcePool = new Pool({ connectionString: sourceDb.url, max: 2 });
  sourcePool.on('error', () => undefined); // the database is dropped WITH (FORCE) after the file
  await seedDemoCohort(source.store, { seed: 6, enterprises: 150, today: '2026-06-30', batchStreams: 50 });
  await writeScenario(new TestLedger(source.store));
  await migrateLedgerDatabase(targetDb.url, silent);
  targetStore = new PostgresEventStore({ url: targetDb.url, poolSize: 2 });
}, 120_000);
afterAll(async () => {
  await Promise.all([source.close(), sourcePool.end(), targetStore.close()]);
});

/** A target whose n-th write commits and then fails, as when the connection drops before the answer. */
function losingAckOnWrite(target: LogTarget, n: number): LogTarget {
  let writes = 0;
  return Object.assign(Object.create(target) as LogTarget, {
    async writeEvents(events: StoredEvent[]) {
      await target.writeEvents(events);
      if (++writes === n) throw new Error('Connection terminated unexpectedly');
    },
  });
}

it('copies after interruptions, resuming from what the target holds, and ends equal to the source', async () => {
  const sourceEvents = await all(source.store);
  expect(sourceEvents.length).toBeGreaterThan(800);

  const target = new PostgresLogTarget(targetDb.url);
  try {
    // 1. Stopped between batches (Ctrl-C): two batches of 100 stay.
    const stop = new AbortController();
    const stopped = copyLog(sourcePool, target, {
      batchSize: 100,
      signal: stop.signal,
      onProgress: (p) => p.phase === 'events' && p.done >= 200 && stop.abort(),
    });
    await expect(stopped).rejects.toThrow(/abort/i);
    const afterStop = await all(targetStore);
    expect(afterStop.map((e) => e.eventId)).toEqual(sourceEvents.slice(0, 200).map((e) => e.eventId));

    // 2. The third batch of the next run commits and its answer is lost: the run fails, the batch stays.
    await expect(copyLog(sourcePool, losingAckOnWrite(target, 3), { batchSize: 100 })).rejects.toThrow(
      /Connection terminated/,
    );
    expect((await all(targetStore)).length).toBe(500);

    // 3. Resumed: it goes on after the target's last event, and both logs compare equal.
    const resumed = await copyLog(sourcePool, target, { batchSize: 100 });
    expect(resumed.resumedAfter).toBe(sourceEvents[499]!.eventId);
    expect(resumed.copiedEvents).toBe(sourceEvents.length - 500);
    expect(resumed.differences).toEqual([]);
    expect(resumed.target).toEqual(resumed.source);
    expect(resumed.source.events).toBe(sourceEvents.length);
    expect(resumed.source.commands).toBeGreaterThan(150);
  } finally {
    await target.close();
  }

  // The copy, read through the port: the same events in the same order, with their ids, data, metadata and times.
  const copied = await all(targetStore);
  const strip = (e: StoredEvent) => ({ ...e, position: undefined });
  expect(copied.map(strip)).toEqual(sourceEvents.map(strip));
  // Idempotency records came along: a repeated command finds its first result in the target.
  const { rows } = await sourcePool.query<{ command_id: string }>(
    'SELECT command_id FROM event_commands ORDER BY command_id LIMIT 3',
  );
  for (const { command_id } of rows) {
    const [there, here] = await Promise.all([
      source.store.findCommand(command_id),
      targetStore.findCommand(command_id),
    ]);
    expect(strip(here!.events[0]!)).toEqual(strip(there!.events[0]!));
    expect(here!.nextVersion).toBe(there!.nextVersion);
  }

  // A service started on the target builds the same read models (positions translated).
  const targetSide = await openReadSide(targetDb.url);
  try {
    await rebuildReadModels(source.dataSource, source.store, { workers: 1 });
    await rebuildReadModels(targetSide.dataSource, targetSide.store, { workers: 1 });
    const compared = await readModelsOfMovedLog(
      { dataSource: source.dataSource, events: sourceEvents },
      { dataSource: targetSide.dataSource, events: copied },
    );
    expect(compared.target).toEqual(compared.source);
  } finally {
    await targetSide.close();
  }
}, 180_000);

it('a later run copies only what the source took since, and the logs still compare equal', async () => {
  const code = creditCode(9_001);
  await new TestLedger(source.store).run(code, '2026-07-01', {
    type: 'RegisterEnterprise',
    data: { creditCode: code, name: '迁移期间新登记企业', district: '120116' },
  });
  const target = new PostgresLogTarget(targetDb.url);
  try {
    const again = await copyLog(sourcePool, target);
    expect(again.copiedEvents).toBe(1);
    expect(again.differences).toEqual([]);
    // Appends to the target after the copy come after the copied log.
    const copied = await all(targetStore);
    const [next] = await targetStore.appendMany([
      {
        streamId: 'after-copy',
        expected: 'NO_STREAM',
        events: [{ eventId: newEventId(), type: 'X', data: {}, metadata: {} }],
      },
    ]);
    expect(BigInt(next!.position!)).toBeGreaterThan(BigInt(copied.at(-1)!.position));
  } finally {
    await target.close();
  }
});

it('refuses a target that holds another log', async () => {
  await migrateLedgerDatabase(foreignDb.url, silent);
  const foreign = new PostgresEventStore({ url: foreignDb.url, poolSize: 1 });
  await foreign.append({
    streamId: 'enterprise-other',
    expected: 'NO_STREAM',
    events: [{ eventId: newEventId(), type: 'EnterpriseRegistered', data: {}, metadata: {} }],
  });
  await foreign.close();
  const target = new PostgresLogTarget(foreignDb.url);
  try {
    await expect(copyLog(sourcePool, target)).rejects.toThrow(TargetNotEmpty);
    await expect(copyLog(sourcePool, target)).rejects.toThrow(/holds events that are not this log's/);
  } finally {
    await target.close();
  }
});
