// One event the projection cannot apply (written by newer code, or hitting a bug) stalls the projector on it:
// the position, type and error are in the log and in projectionStatus; it is not retried for ever; after the fix
// (a restart with fixed code, or a rebuild with fixed code) it goes on and ends equal to a rebuild.
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { ProjectionStatusQueries } from '../../application/queries';
import { CURRENT_SCHEMA_VERSIONS, enterpriseStreamName, upcasters } from '../../domain';
import type { ProjectionStall } from '../projection/checkpoint';
import { rebuildReadModels } from '../rebuild/rebuild';
import { verifyReadModels } from '../rebuild/verify';
import { eventually } from '../testing/eventually';
import { appendRenameV2 } from '../testing/newer-release';
import { openReadSide } from '../testing/read-model-fixture';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { ProjectorService, type ProjectorOptions } from './projector.service';

const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;
let status: ProjectionStatusQueries;
const running: ProjectorService[] = [];

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  status = new ProjectionStatusQueries(dataSource, store);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});
let undeploy = () => undefined as void;
afterAll(async () => {
  undeploy();
  await close();
});

function projector(options: ProjectorOptions = {}) {
  const errors: unknown[] = [];
  const stalls: ProjectionStall[] = [];
  const p = new ProjectorService(dataSource, store, createLogger('silent'), {
    retryMs: 50,
    pollIntervalMs: 20,
    onError: (e) => errors.push(e),
    onStall: (s) => stalls.push(s),
    ...options,
  });
  running.push(p);
  p.start();
  return { p, errors, stalls };
}

const ledger = () => new TestLedger(store);
const register = (n: number) =>
  ledger().run(creditCode(n), '2025-01-02', {
    type: 'RegisterEnterprise',
    data: { creditCode: creditCode(n), name: `企业${n}有限公司`, district: '120116' },
  });

const appendNewerRename = (n: number) =>
  appendRenameV2(store, enterpriseStreamName(creditCode(n)), `新企业${n}有限公司`);

/** "Fixed code": this release knows EnterpriseRenamed v2 (an extra field it ignores). */
function deployCodeThatReadsRenameV2(): () => void {
  const versions = CURRENT_SCHEMA_VERSIONS as Record<string, number>;
  versions.EnterpriseRenamed = 2;
  upcasters.register('EnterpriseRenamed', 1, (data) => data);
  return () => {
    versions.EnterpriseRenamed = 1;
  };
}

it('stalls on an event written by newer code, says where and why, and resumes after a restart with fixed code', async () => {
  await register(1);
  const before = (await register(2))[0]!;
  const poison = await appendNewerRename(1);
  await register(3);
  const first = projector();

  await eventually(async () => (await status.projectionStatus()).stalledAt !== null, 20_000, 'a stall');
  const stalled = await status.projectionStatus();
  expect(stalled).toMatchObject({ stalledAt: poison.position, position: before.position });
  expect(stalled.error).toContain('EnterpriseRenamed');
  expect(stalled.error).toContain(poison.eventId);
  expect(stalled.error).toContain('newer than this code');
  expect(first.stalls).toEqual([
    expect.objectContaining({ position: poison.position, type: 'EnterpriseRenamed', eventId: poison.eventId }),
  ]);
  expect(await status.stall()).toEqual({ stalledAt: poison.position, error: stalled.error });

  // Not retried: the worker keeps its place and tries that event no more.
  await new Promise((r) => setTimeout(r, 500));
  expect(first.stalls).toHaveLength(1);
  expect((await status.projectionStatus()).position).toBe(stalled.position);
  await first.p.stop();

  undeploy = deployCodeThatReadsRenameV2(); // from here on (the event stays in the log), for the whole file
  const second = projector();
  const head = (await store.head())!;
  expect(await status.waitForPosition(head, 20_000)).toBe(true);
  expect(await status.projectionStatus()).toMatchObject({ stalledAt: null, error: null, lag: 0 });
  expect(second.stalls).toEqual([]);
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
});

it('narrows a failing batch down to the one event that fails (a bug), and goes on after a rebuild with fixed code', async () => {
  const before = (await register(9))[0]!;
  const bad = (await register(10))[0]!;
  await register(11);
  // The "bug": writing any batch that holds E10's registration fails.
  const buggy = projector({
    batchSize: 50,
    beforeCommit: async (_runner, batch) => {
      if (batch.some((e) => e.eventId === bad.eventId)) throw new Error('bug: cannot write this enterprise');
    },
  });
  await eventually(async () => (await status.projectionStatus()).stalledAt === bad.position, 20_000, 'a stall');
  expect((await status.projectionStatus()).error).toContain('bug: cannot write this enterprise');
  expect(buggy.stalls).toHaveLength(1);
  // Everything before the event was applied.
  expect((await status.projectionStatus()).position).toBe(before.position);

  // The fix: a rebuild by fixed code (no such bug) swaps in read models past the event; the stalled worker
  // sees the checkpoint past its stall and goes on with what follows.
  await rebuildReadModels(dataSource, store);
  await register(12);
  const head = (await store.head())!;
  expect(await status.waitForPosition(head, 20_000)).toBe(true);
  expect(await status.projectionStatus()).toMatchObject({ stalledAt: null, error: null });
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
});

it('retries a transient failure (the connection killed) instead of stalling', async () => {
  await register(20);
  let killed = 0;
  const p = projector({
    beforeCommit: async (runner) => {
      if (killed++ < 2) await runner.query('SELECT pg_terminate_backend(pg_backend_pid())');
    },
  });
  const head = (await store.head())!;
  expect(await status.waitForPosition(head, 20_000)).toBe(true);
  expect(p.stalls).toEqual([]);
  expect(p.errors).toHaveLength(2);
  expect((await status.projectionStatus()).stalledAt).toBeNull();
});
