// Logs written before "one renewal per term" may hold renewals stacked on a term already renewed: the scan
// (run by `npm run verify`) names them by enterprise and event id, reading the log in PostgreSQL by stream
// and, as on EventStoreDB, in global order.
import { useTestDatabase } from '@cl/testing';
import type { EventStore, PostgresEventStore } from '@cl/event-store';
import type { EnterpriseEvent } from '../../domain';
import { granted, renewed } from '../../domain/spec-fixtures';
import { openReadSide } from '../testing/read-model-fixture';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { describeStackedRenewals, findStackedRenewals } from './stacked-renewals-scan';

const db = useTestDatabase();
let store: PostgresEventStore;
let close: () => Promise<void>;
const stackedCode = creditCode(901);
const properCode = creditCode(902);
let ids: string[] = [];

const register = (code: string, name: string): EnterpriseEvent => ({
  type: 'EnterpriseRegistered',
  data: { creditCode: code, name, districtCode: '120116' },
});

beforeAll(async () => {
  ({ store, close } = await openReadSide(db.url));
  const ledger = new TestLedger(store);
  // As the issue saw it: 创新型 to 2027-02-28, renewed 2026-11-20, the same form again, and once more the next day.
  const events = await ledger.record(stackedCode, [
    register(stackedCode, '天津叠加复核科技有限公司'),
    granted('INNOVATIVE_SME', '2024-03-01', '2027-02-28'),
    renewed('INNOVATIVE_SME', '2026-11-20', '2030-02-28'),
    renewed('INNOVATIVE_SME', '2026-11-20', '2033-02-28'),
  ]);
  const [third] = await ledger.record(stackedCode, [renewed('INNOVATIVE_SME', '2026-11-21', '2036-02-29')]);
  ids = [...events.map((e) => e.eventId), third!.eventId];
  // A proper chain (one renewal per term) in between, decided by today's rule.
  await ledger.run(properCode, '2024-03-01', {
    type: 'RegisterEnterprise',
    data: { creditCode: properCode, name: '天津按期复核科技有限公司', district: '120116' },
  });
  await ledger.run(properCode, '2024-03-01', {
    type: 'GrantCertification',
    data: { tier: 'INNOVATIVE_SME', grantedOn: '2024-03-01' },
  });
  await ledger.run(properCode, '2026-11-20', {
    type: 'RenewCertification',
    data: { tier: 'INNOVATIVE_SME', renewedOn: '2026-11-20' },
  });
});
afterAll(() => close());

const expected = () => [
  {
    creditCode: stackedCode,
    name: '天津叠加复核科技有限公司',
    renewals: [
      expect.objectContaining({ grantEventId: ids[1], renewalEventId: ids[3], problems: ['TERM_ALREADY_RENEWED'] }),
      expect.objectContaining({ grantEventId: ids[1], renewalEventId: ids[4], validUntil: '2036-02-29' }),
    ],
  },
];

it('names the enterprise and the renewals to retract, reading the log by stream', async () => {
  expect(store.readByStream).toBeDefined();
  const found = await findStackedRenewals(store);
  expect(found).toEqual(expected());
  expect(describeStackedRenewals(found)).toEqual([
    `${stackedCode} 天津叠加复核科技有限公司: INNOVATIVE_SME grant ${ids[1]}: renewal ${ids[3]} (2026-11-20 → 2033-02-28) TERM_ALREADY_RENEWED`,
    `${stackedCode} 天津叠加复核科技有限公司: INNOVATIVE_SME grant ${ids[1]}: renewal ${ids[4]} (2026-11-21 → 2036-02-29) TERM_ALREADY_RENEWED`,
  ]);
});

it('finds the same reading the log in global order (a store that cannot read by stream)', async () => {
  const globalOnly = Object.assign(Object.create(store) as EventStore, { readByStream: undefined });
  expect(await findStackedRenewals(globalOnly)).toEqual(expected());
});

it('finds nothing once an auditor retracted them, the latest first', async () => {
  const ledger = new TestLedger(store);
  for (const id of [ids[4]!, ids[3]!])
    await ledger.run(stackedCode, '2026-12-01', {
      type: 'RetractCertification',
      data: { tier: 'INNOVATIVE_SME', eventId: id, reason: '重复复核，录入错误' },
    });
  expect(await findStackedRenewals(store)).toEqual([]);
});
