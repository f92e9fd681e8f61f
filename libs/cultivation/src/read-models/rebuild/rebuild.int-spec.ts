// A rebuild while the live projector runs and events keep arriving: queries answer throughout, status
// says "rebuilding", and after the swap the live projector carries on without loss or double counting.
import { createLogger } from '@cl/platform';
import { adminDatabaseUrl, useTestDatabase } from '@cl/testing';
import { Client } from 'pg';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { FixedClock } from '../../application/clock';
import { ProgressQueries, ProjectionStatusQueries, type ProjectionStatus } from '../../application/queries';
import { ProjectorService } from '../projector/projector.service';
import { LIVE_SCHEMA, LOCKS } from '../schema';
import { dumpReadModels, openReadSide } from '../testing/read-model-fixture';
import { BINHAI, HEPING, writeScenario } from '../testing/scenario';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { RebuildAlreadyRunning, rebuildReadModels } from './rebuild';
import { verifyReadModels } from './verify';

const silent = createLogger('silent');

const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;

/** The live read-model schema's keys, constraints and indexes: names and definitions. */
async function catalogue(): Promise<string[]> {
  const rows: { line: string }[] = await dataSource.query(
    `SELECT format('constraint %s on %s: %s', c.conname, t.relname, pg_get_constraintdef(c.oid)) AS line
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1
     UNION ALL
     SELECT format('index %s: %s', indexname, indexdef) FROM pg_indexes WHERE schemaname = $1
     ORDER BY 1`,
    [LIVE_SCHEMA],
  );
  return rows.map((r) => r.line);
}

/** The catalogue as the migrations made it, before any rebuild. */
let migrated: string[];

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  migrated = await catalogue();
  await writeScenario(new TestLedger(store));
});
afterAll(() => close());

it('swaps in rebuilt tables while the projector and queries keep working', async () => {
  const status = new ProjectionStatusQueries(dataSource, store);
  const progress = new ProgressQueries(dataSource, new FixedClock(new Date('2026-06-30T04:00:00Z')));
  const projector = new ProjectorService(dataSource, store, silent, { retryMs: 100, pollIntervalMs: 20 });
  projector.start();
  expect(await status.waitForPosition((await store.head())!, 20_000)).toBe(true);

  const ledger = new TestLedger(store);
  const during: { status: ProjectionStatus; rows: number; second: unknown }[] = [];
  let n = 100;
  await rebuildReadModels(dataSource, store, {
    batchSize: 10,
    onProgress: async (p) => {
      if (p.phase !== 'replaying') return;
      const code = creditCode(n++); // events keep arriving while the rebuild replays
      await ledger.run(code, '2026-06-01', {
        type: 'RegisterEnterprise',
        data: { creditCode: code, name: `新企业${n}`, district: '120116' },
      });
      await ledger.run(code, '2026-06-02', {
        type: 'GrantCertification',
        data: { tier: 'TECH_SME', grantedOn: '2026-06-02' },
      });
      const second = rebuildReadModels(dataSource, store).catch((e: unknown) => e);
      during.push({
        status: await status.projectionStatus(),
        rows: (await progress.cohortProgress()).length,
        second: await second,
      });
    },
  });
  expect(during.length).toBeGreaterThan(0);
  expect(during.every((d) => d.status.rebuilding && d.rows === 8 && d.second instanceof RebuildAlreadyRunning)).toBe(
    true,
  );

  expect(await status.waitForPosition((await store.head())!, 20_000)).toBe(true);
  await projector.stop();
  expect((await status.projectionStatus()).rebuilding).toBe(false);
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
  // 3 TECH_SME active today in the scenario, plus one per enterprise added during the rebuild.
  expect((await progress.cohortProgress())[0]!.active).toBe(3 + during.length);
});

it("builds the migrations' keys, constraints and indexes under their own names", async () => {
  await rebuildReadModels(dataSource, store);
  expect(migrated.filter((l) => l.startsWith('constraint') && l.includes('PRIMARY KEY')).length).toBeGreaterThan(5);
  expect(await catalogue()).toEqual(migrated);
});

it('rebuilt read models equal the live ones after grants recorded out of order, retracted and relocated', async () => {
  const ledger = new TestLedger(store);
  const code = creditCode(900);
  const today = '2026-11-30';
  await ledger.run(code, '2020-01-02', {
    type: 'RegisterEnterprise',
    data: { creditCode: code, name: '滨海乱序科技有限公司', district: BINHAI },
  });
  // The latest grant first, then older, non-overlapping ones of the same tier recorded later.
  await ledger.run(code, today, { type: 'GrantCertification', data: { tier: 'HIGH_TECH', grantedOn: '2025-03-01' } });
  const [older] = await ledger.run(code, today, {
    type: 'GrantCertification',
    data: { tier: 'HIGH_TECH', grantedOn: '2021-02-01' },
  });
  await ledger.run(code, today, { type: 'GrantCertification', data: { tier: 'TECH_SME', grantedOn: '2024-05-01' } });
  await ledger.run(code, today, { type: 'GrantCertification', data: { tier: 'TECH_SME', grantedOn: '2022-04-01' } });
  await ledger.run(code, today, {
    type: 'RetractCertification',
    data: { tier: 'HIGH_TECH', eventId: older!.eventId, reason: 'entered twice' },
  });
  await ledger.run(code, today, {
    type: 'RelocateEnterprise',
    data: { toDistrict: HEPING, effectiveOn: '2025-09-01' },
  });

  const projector = new ProjectorService(dataSource, store, silent, { retryMs: 100, pollIntervalMs: 20, batchSize: 3 });
  projector.start();
  const status = new ProjectionStatusQueries(dataSource, store);
  expect(await status.waitForPosition((await store.head())!, 20_000)).toBe(true);
  await projector.stop();
  const live = await dumpReadModels(dataSource, LIVE_SCHEMA);
  expect(JSON.stringify(live)).toContain(code);

  await rebuildReadModels(dataSource, store, { batchSize: 4 }); // pages cut streams apart
  expect(await dumpReadModels(dataSource, LIVE_SCHEMA)).toEqual(live);
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
});

it("says rebuilding for this ledger's rebuild only, not for one in another database of the same server", async () => {
  const status = new ProjectionStatusQueries(dataSource, store);
  const holdRebuildLock = async (url: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCKS.namespace, LOCKS.rebuild]);
    return client;
  };
  const elsewhere = await holdRebuildLock(adminDatabaseUrl()); // another ledger's rebuild on the same server
  try {
    expect(await status.projectionStatus()).toMatchObject({ rebuilding: false });
    const here = await holdRebuildLock(db.url);
    try {
      expect(await status.projectionStatus()).toMatchObject({ rebuilding: true });
    } finally {
      await here.end();
    }
  } finally {
    await elsewhere.end();
  }
});
