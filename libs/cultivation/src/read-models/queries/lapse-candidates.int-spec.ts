import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { LIVE_SCHEMA } from '../schema';
import { applyEvents } from '../projection/apply-events';
import { inTransaction } from '../projection/in-transaction';
import { openReadSide } from '../testing/read-model-fixture';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { lapseCandidates } from './lapse-candidates';

const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;
const [lapsedAndHeld, due, renewed, revoked, deregistered] = [1, 2, 3, 4, 5].map(creditCode) as [
  string,
  string,
  string,
  string,
  string,
];

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  const ledger = new TestLedger(store);
  for (const code of [lapsedAndHeld, due, renewed, revoked, deregistered]) {
    await ledger.run(code, '2021-01-01', {
      type: 'RegisterEnterprise',
      data: { creditCode: code, name: `企业${code.slice(-4)}`, district: '120101' },
    });
  }
  const grant = (code: string, tier: 'TECH_SME' | 'HIGH_TECH', on: string) =>
    ledger.run(code, on, { type: 'GrantCertification', data: { tier, grantedOn: on } });
  // Its TECH_SME lapse is recorded; a HIGH_TECH grant is still open (before: that alone made it a candidate).
  await grant(lapsedAndHeld, 'TECH_SME', '2023-02-01');
  await ledger.run(lapsedAndHeld, '2024-01-05', { type: 'RecordLapses', data: {} });
  await grant(lapsedAndHeld, 'HIGH_TECH', '2024-01-10');
  // Ran out at the end of 2023 with no lapse written yet: the one candidate.
  await grant(due, 'TECH_SME', '2023-02-01');
  await grant(due, 'HIGH_TECH', '2024-01-10');
  // Renewed before it ran out: valid until 2026.
  await grant(renewed, 'HIGH_TECH', '2021-01-01');
  await ledger.run(renewed, '2023-06-01', {
    type: 'RenewCertification',
    data: { tier: 'HIGH_TECH', renewedOn: '2023-06-01' },
  });
  // Revoked long before its validity ended.
  await grant(revoked, 'HIGH_TECH', '2021-01-01');
  await ledger.run(revoked, '2022-01-01', {
    type: 'RevokeCertification',
    data: { tier: 'HIGH_TECH', revokedOn: '2022-01-01', reason: 'FRAUD' },
  });
  // Ran out, then the enterprise was deregistered: nothing may be written to it any more.
  await grant(deregistered, 'TECH_SME', '2023-02-01');
  await ledger.run(deregistered, '2024-06-01', {
    type: 'DeregisterEnterprise',
    data: { effectiveOn: '2024-06-01', reason: '注销' },
  });
  const events = await store.readAll(null, 1000);
  await inTransaction(dataSource, (r) => applyEvents(r, LIVE_SCHEMA, events), { lockApply: true });
});
afterAll(() => close());

describe('lapseCandidates', () => {
  it('selects only enterprises with a run-out grant whose end is not yet recorded', async () => {
    expect(await lapseCandidates(dataSource, '2025-06-01' as never)).toEqual([due]);
  });

  it('selects by validUntil: nothing is due the day a grant is last valid', async () => {
    expect(await lapseCandidates(dataSource, '2023-12-31' as never)).toEqual([]);
    expect(await lapseCandidates(dataSource, '2024-01-01' as never)).toEqual([due]);
  });
});
