// Verify compares inside a snapshot: live projection goes on while it compares, and it still lists
// every row that differs.
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { ProjectionStatusQueries } from '../../application/queries';
import { ProjectorService } from '../projector/projector.service';
import { LIVE_SCHEMA } from '../schema';
import { openReadSide } from '../testing/read-model-fixture';
import { E, writeScenario } from '../testing/scenario';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { rebuildReadModels } from './rebuild';
import { verifyReadModels } from './verify';

const silent = createLogger('silent');
const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;
let status: ProjectionStatusQueries;

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  await writeScenario(new TestLedger(store));
  status = new ProjectionStatusQueries(dataSource, store);
});
afterAll(() => close());

it('compares while commands are accepted and the projector applies them', async () => {
  const projector = new ProjectorService(dataSource, store, silent, { retryMs: 100, pollIntervalMs: 20 });
  projector.start();
  try {
    expect(await status.waitForPosition((await store.head())!, 20_000)).toBe(true);
    const ledger = new TestLedger(store);
    const compared: { from: string | null; advancedTo: string | null; caughtUp: boolean }[] = [];
    const differences = await verifyReadModels(dataSource, store, {
      onProgress: async (p) => {
        if (p.phase !== 'comparing') return;
        // Inside verify's snapshot: a command is accepted and the live projector must apply it now.
        const code = creditCode(500 + compared.length);
        await ledger.run(code, '2026-06-01', {
          type: 'RegisterEnterprise',
          data: { creditCode: code, name: `验证期间企业${compared.length}`, district: '120116' },
        });
        const [granted] = await ledger.run(code, '2026-06-02', {
          type: 'GrantCertification',
          data: { tier: 'TECH_SME', grantedOn: '2026-06-02' },
        });
        const caughtUp = await status.waitForPosition(granted!.position, 20_000);
        compared.push({ from: p.position, advancedTo: (await status.projectionStatus()).position, caughtUp });
      },
    });
    expect(compared).toHaveLength(1);
    expect(compared[0]!.caughtUp).toBe(true);
    expect(BigInt(compared[0]!.advancedTo!)).toBeGreaterThan(BigInt(compared[0]!.from!));
    // Compared at its snapshot: the events projected meanwhile are not differences.
    expect(differences).toEqual([]);
  } finally {
    await projector.stop();
  }
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
});

it('the COPY path writes what the live projector writes, backslashes and quotes included', async () => {
  const code = creditCode(700);
  const name = '反斜杠\\企业 "引号" \\N 公司';
  await new TestLedger(store).run(code, '2026-06-01', {
    type: 'RegisterEnterprise',
    data: { creditCode: code, name, district: '120101' },
  });
  const projector = new ProjectorService(dataSource, store, silent, { retryMs: 100, pollIntervalMs: 20 });
  projector.start();
  try {
    expect(await status.waitForPosition((await store.head())!, 20_000)).toBe(true);
  } finally {
    await projector.stop();
  }
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
  await rebuildReadModels(dataSource, store);
  const [row]: [{ name: string; state: { name: string } }] = await dataSource.query(
    `SELECT name, state FROM ${LIVE_SCHEMA}.enterprise_summary WHERE credit_code = $1`,
    [code],
  );
  expect([row.name, row.state.name]).toEqual([name, name]);
});

it('lists every row that differs, on both sides', async () => {
  const t = (table: string) => `${LIVE_SCHEMA}.${table}`;
  await dataSource.query(`UPDATE ${t('enterprise_summary')} SET name = '篡改' WHERE credit_code = $1`, [E(1)]);
  const [{ n: grantsOfE2 }]: [{ n: number }] = await dataSource.query(
    `SELECT count(*)::int AS n FROM ${t('certification_grant')} WHERE credit_code = $1`,
    [E(2)],
  );
  expect(grantsOfE2).toBeGreaterThan(1);
  await dataSource.query(`DELETE FROM ${t('certification_grant')} WHERE credit_code = $1`, [E(2)]);
  await dataSource.query(
    `UPDATE ${t('count_tree')} SET total = total + 1 WHERE (district_code, node, tier, metric, level) IN (
       SELECT district_code, node, tier, metric, level FROM ${t('count_tree')} ORDER BY 1, 2, 3, 4, 5 LIMIT 1)`,
  );
  const found = await verifyReadModels(dataSource, store);
  const lines = (prefix: string) => found.filter((d) => d.startsWith(prefix));
  expect(lines('enterprise_summary: only in the live read models:').join()).toContain('篡改');
  expect(lines('enterprise_summary: only in a fresh rebuild:')).toHaveLength(1);
  expect(lines('certification_grant: only in a fresh rebuild:')).toHaveLength(grantsOfE2);
  expect(lines('certification_grant: only in the live read models:')).toEqual([]);
  expect(lines('count_tree: only in the live read models:')).toHaveLength(1);
  expect(lines('count_tree: only in a fresh rebuild:')).toHaveLength(1);
  expect(found.filter((d) => !/^(enterprise_summary|certification_grant|count_tree):/.test(d))).toEqual([]);
});
