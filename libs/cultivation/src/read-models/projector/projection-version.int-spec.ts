// Versioned projections: the checkpoint carries the projection and snapshot versions; a projector of
// another version refuses to apply (one notice, projectionStatus says why) or rebuilds when told to.
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { ProjectionStatusQueries } from '../../application/queries';
import { applyEvents } from '../projection/apply-events';
import { readCheckpoint } from '../projection/checkpoint';
import { inTransaction } from '../projection/in-transaction';
import { PROJECTION_VERSION, ProjectionVersionMismatch, SNAPSHOT_VERSION } from '../projection/versions';
import { rebuildReadModels } from '../rebuild/rebuild';
import { verifyReadModels } from '../rebuild/verify';
import { LIVE_SCHEMA } from '../schema';
import { eventually } from '../testing/eventually';
import { openReadSide } from '../testing/read-model-fixture';
import { writeScenario } from '../testing/scenario';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { ProjectorService } from './projector.service';

const silent = createLogger('silent');
const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;
let status: ProjectionStatusQueries;
let ledger: TestLedger;

/** Marks the live read models as written by another version of the projection (a newer deployment). */
async function stampOtherVersion(): Promise<void> {
  if ((await readCheckpoint(dataSource, LIVE_SCHEMA)).position === null) await rebuildReadModels(dataSource, store);
  await dataSource.query(`UPDATE ${LIVE_SCHEMA}.projection_checkpoint SET projection_version = $1`, [
    PROJECTION_VERSION + 1,
  ]);
}

async function addEnterprise(n: number): Promise<string> {
  const code = creditCode(n);
  await ledger.run(code, '2026-06-01', {
    type: 'RegisterEnterprise',
    data: { creditCode: code, name: `版本企业${n}`, district: '120101' },
  });
  return (await store.head())!;
}

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  ledger = new TestLedger(store);
  status = new ProjectionStatusQueries(dataSource, store);
  await writeScenario(ledger);
});
afterAll(() => close());

it('a fresh database is stamped with the code’s versions, and projectionStatus shows them', async () => {
  const projector = new ProjectorService(dataSource, store, silent, { retryMs: 50, pollIntervalMs: 20 });
  projector.start();
  expect(await status.waitForPosition((await store.head())!, 20_000)).toBe(true);
  await projector.stop();
  const checkpoint = await readCheckpoint(dataSource, LIVE_SCHEMA);
  expect([checkpoint.projectionVersion, checkpoint.snapshotVersion]).toEqual([PROJECTION_VERSION, SNAPSHOT_VERSION]);
  expect(await status.projectionStatus()).toMatchObject({
    projectionVersion: PROJECTION_VERSION,
    snapshotVersion: SNAPSHOT_VERSION,
    versionMismatch: null,
  });
});

it('a projector whose version differs from the stored one refuses to apply, says so once, and status shows why', async () => {
  await stampOtherVersion();
  const before = (await status.projectionStatus()).position;
  const head = await addEnterprise(900);
  const notices: string[] = [];
  const errors: unknown[] = [];
  const projector = new ProjectorService(dataSource, store, silent, {
    retryMs: 20,
    pollIntervalMs: 20,
    onNotice: (m) => notices.push(m),
    onError: (e) => errors.push(e),
  });
  projector.start();
  try {
    await eventually(() => notices.length > 0, 20_000, 'the refusal');
    await new Promise((r) => setTimeout(r, 300)); // ~15 more attempts: still refused, not told again
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`written by projection version ${PROJECTION_VERSION + 1}`);
    expect(notices[0]).toContain(`this code is projection version ${PROJECTION_VERSION}`);
    expect(errors).toEqual([]);
    const shown = await status.projectionStatus();
    expect(shown).toMatchObject({ position: before, headPosition: head, projectionVersion: PROJECTION_VERSION + 1 });
    expect(shown.versionMismatch).toBe(notices[0]);
  } finally {
    await projector.stop();
  }
  // Nor does a batch applied directly (the guard a swap by another version meets mid-subscription).
  const [event] = await store.readAll(before, 1);
  await expect(inTransaction(dataSource, (tx) => applyEvents(tx, LIVE_SCHEMA, [event!]))).rejects.toBeInstanceOf(
    ProjectionVersionMismatch,
  );
  expect((await status.projectionStatus()).position).toBe(before);

  // A rebuild by this code writes the current versions; the projector then carries on.
  await rebuildReadModels(dataSource, store);
  expect(await status.projectionStatus()).toMatchObject({
    projectionVersion: PROJECTION_VERSION,
    versionMismatch: null,
  });
});

it('with PROJECTION_VERSION_MISMATCH=rebuild the projector rebuilds the read models, then projects', async () => {
  await stampOtherVersion();
  const notices: string[] = [];
  const projector = new ProjectorService(dataSource, store, silent, {
    retryMs: 20,
    pollIntervalMs: 20,
    onVersionMismatch: 'rebuild',
    onNotice: (m) => notices.push(m),
  });
  projector.start();
  try {
    expect(await status.waitForPosition((await store.head())!, 20_000)).toBe(true);
    const head = await addEnterprise(901); // and it keeps projecting what comes after
    expect(await status.waitForPosition(head, 20_000)).toBe(true);
  } finally {
    await projector.stop();
  }
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatch(/^rebuilding the read models/);
  expect(await status.projectionStatus()).toMatchObject({
    projectionVersion: PROJECTION_VERSION,
    versionMismatch: null,
  });
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
});
