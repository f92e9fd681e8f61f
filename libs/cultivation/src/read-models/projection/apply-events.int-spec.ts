import { useTestDatabase } from '@cl/testing';
import type { StoredEvent } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import type { PostgresEventStore } from '@cl/event-store';
import { CHECKPOINT_NAME, LIVE_SCHEMA, qualified } from '../schema';
import { dumpReadModels, openReadSide } from '../testing/read-model-fixture';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { applyEvents } from './apply-events';
import { inTransaction } from './in-transaction';
import { CODE_VERSIONS } from './versions';

const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;
let events: StoredEvent[];

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  const ledger = new TestLedger(store);
  const [a, b] = [creditCode(1), creditCode(2)];
  await ledger.run(a, '2024-01-05', {
    type: 'RegisterEnterprise',
    data: { creditCode: a, name: '甲科技', district: '120101' },
  });
  await ledger.run(b, '2024-01-05', {
    type: 'RegisterEnterprise',
    data: { creditCode: b, name: '乙制造', district: '120116' },
  });
  await ledger.run(a, '2024-02-01', {
    type: 'GrantCertification',
    data: { tier: 'INNOVATIVE_SME', grantedOn: '2024-02-01' },
  });
  const [wrong] = await ledger.run(b, '2024-03-01', {
    type: 'GrantCertification',
    data: { tier: 'TECH_SME', grantedOn: '2024-03-01' },
  });
  await ledger.run(b, '2024-03-02', {
    type: 'RetractCertification',
    data: { tier: 'TECH_SME', eventId: wrong!.eventId, reason: 'typo' },
  });
  await ledger.run(a, '2024-06-01', {
    type: 'RelocateEnterprise',
    data: { toDistrict: '120104', effectiveOn: '2024-06-01' },
  });
  await ledger.run(a, '2024-07-01', {
    type: 'GrantCertification',
    data: { tier: 'SRDI_SME', grantedOn: '2024-07-01' },
  });
  await ledger.setTarget('2024-07-02', { tier: 'HIGH_TECH', target: 10, metric: 'ACTIVE', deadline: '2027-12-31' });
  events = await store.readAll(null, 1000);
});
afterAll(() => close());

const apply = (batch: StoredEvent[]) =>
  inTransaction(dataSource, (r) => applyEvents(r, LIVE_SCHEMA, batch), { lockApply: true });

describe('applyEvents', () => {
  it('applying the same events twice yields the same rows (the checkpoint drops the replay)', async () => {
    const first = await apply(events);
    const rows = await dumpReadModels(dataSource, LIVE_SCHEMA);
    const again = await apply(events);
    expect(first.applied).toBe(events.length);
    expect(again.applied).toBe(0);
    expect(await dumpReadModels(dataSource, LIVE_SCHEMA)).toEqual(rows);
    expect(rows.enterprise_summary).toHaveLength(2);
    expect(rows.count_tree!.length).toBeGreaterThan(0);
  });

  it('a schema without its checkpoint row gets one, stamped with the code versions, at its first batch', async () => {
    const table = qualified(LIVE_SCHEMA, 'projection_checkpoint');
    const [before] = await dataSource.query(`SELECT position::text AS position FROM ${table}`);
    await dataSource.query(`DELETE FROM ${table}`);
    await apply(events.slice(0, 1)); // its rows are already there (skipped by stream version); the checkpoint is new
    const rows = await dataSource.query(
      `SELECT name, position::text AS position, projection_version AS "projection", snapshot_version AS "snapshot" FROM ${table}`,
    );
    expect(rows).toEqual([
      {
        name: CHECKPOINT_NAME,
        position: String(events[0]!.position),
        projection: CODE_VERSIONS.projection,
        snapshot: CODE_VERSIONS.snapshot,
      },
    ]);
    await dataSource.query(`UPDATE ${table} SET position = $1`, [before.position]);
    const again = await apply(events);
    expect(again.applied).toBe(0);
    expect(await dataSource.query(`SELECT position::text AS position FROM ${table}`)).toEqual([before]);
  });

  it('replaying past a lost checkpoint is still a no-op (events at or below a stream version are skipped)', async () => {
    const rows = await dumpReadModels(dataSource, LIVE_SCHEMA);
    await dataSource.query(`UPDATE ${qualified(LIVE_SCHEMA, 'projection_checkpoint')} SET position = NULL`);
    for (const e of events) await apply([e]); // one at a time, all of them again
    expect(await dumpReadModels(dataSource, LIVE_SCHEMA)).toEqual(rows);
  });

  it('keeps the retracted grant out of every table but the snapshot', async () => {
    const grants: { credit_code: string; tier: string }[] = await dataSource.query(
      `SELECT credit_code, tier FROM ${qualified(LIVE_SCHEMA, 'certification_grant')} ORDER BY tier`,
    );
    expect(grants).toEqual([
      { credit_code: creditCode(1), tier: 'INNOVATIVE_SME' },
      { credit_code: creditCode(1), tier: 'SRDI_SME' },
    ]);
    const techSme = await dataSource.query(
      `SELECT * FROM ${qualified(LIVE_SCHEMA, 'count_tree')} WHERE tier = 'TECH_SME'`,
    );
    expect(techSme).toEqual([]);
  });
});
