// Versioned projections: the checkpoint carries the projection and snapshot versions; a projector of
// another version refuses to apply (one notice, projectionStatus says why) or rebuilds when told to; read models of
// an older version (an upgrade, or a migration asking for re-derivation) are re-derived in the shadow schema.
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { ProjectionStatusQueries } from '../../application/queries';
import { applyEvents } from '../projection/apply-events';
import { readCheckpoint } from '../projection/checkpoint';
import { inTransaction } from '../projection/in-transaction';
import {
  PROJECTION_VERSION,
  ProjectionVersionMismatch,
  REDERIVE_VERSION,
  SNAPSHOT_VERSION,
} from '../projection/versions';
import { requireRederivation } from '../migrations/require-rederivation';
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

it('an upgrade that needs the read models re-derived swaps them in whole: queries never see partial counts', async () => {
  const figures = async () => {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM ${LIVE_SCHEMA}.enterprise_summary) AS enterprises,
              (SELECT coalesce(sum(total), 0)::int FROM ${LIVE_SCHEMA}.count_tree WHERE district_code = '*') AS city`,
    );
    return row as { enterprises: number; city: number };
  };
  await rebuildReadModels(dataSource, store); // whole read models of the previous release
  const whole = await figures();
  expect(whole.enterprises).toBeGreaterThan(10);
  // The migration of a release whose projection derives something new.
  const runner = dataSource.createQueryRunner();
  await requireRederivation(runner);
  await runner.release();
  const marked = await status.projectionStatus();
  expect(marked).toMatchObject({ projectionVersion: REDERIVE_VERSION, lag: 0 });
  expect(marked.versionMismatch).toMatch(/must be re-derived/);

  const notices: string[] = [];
  const projector = new ProjectorService(dataSource, store, silent, {
    retryMs: 20,
    pollIntervalMs: 20,
    onNotice: (m) => notices.push(m),
    onError: (e) => errors.push(e),
  });
  const errors: unknown[] = [];
  const seen: { figures: { enterprises: number; city: number }; version: number; rebuilding: boolean }[] = [];
  projector.start();
  try {
    // Until the swap, or a minute (then the assertions below say where it stood).
    for (const until = Date.now() + 60_000; Date.now() < until && errors.length === 0;) {
      const [shown, now] = await Promise.all([status.projectionStatus(), figures()]);
      seen.push({ figures: now, version: shown.projectionVersion, rebuilding: shown.rebuilding });
      if (shown.projectionVersion === PROJECTION_VERSION && !shown.rebuilding) break;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await projector.stop();
  }
  expect(errors).toEqual([]);
  expect(notices[0]).toMatch(/^rebuilding the read models in the shadow schema .* must be re-derived|version 0/);
  // Until the swap the previous read models answered, whole, with their version shown; after it the new ones.
  expect(seen.some((s) => s.rebuilding && s.version === REDERIVE_VERSION)).toBe(true);
  expect(seen.at(-1)).toMatchObject({ version: PROJECTION_VERSION, rebuilding: false });
  for (const s of seen) expect(s.figures).toEqual(whole);
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
}, 180_000);
