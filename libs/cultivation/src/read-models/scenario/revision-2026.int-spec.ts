// A small cohort across the 2026-04-01 boundary of policy revision-2026, projected and queried; every
// expected number is counted by hand from this table of counting intervals [from, until):
//
//  A Heping   TECH_SME [2026-01-10, 2027-01-01); SRDI_SME 2026-04-01 (TECH_SME suffices from that day)
//  B Binhai   INNOVATIVE_SME [2025-05-01, 2028-05-01) and TECH_SME [2026-02-01, 2027-01-01): both, counted once;
//             SRDI_SME 2026-03-31 (plan-2025: on INNOVATIVE_SME)
//  C Hexi     TECH_SME [2025-03-01, 2026-01-01); relocated to Nankai 2026-02-01; TECH_SME [2026-04-15, 2027-01-01)
//  D Xiqing   INNOVATIVE_SME [2026-03-31, 2026-05-01) (revoked 2026-05-01)
//  F Heping   TECH_SME [2026-03-20, 2027-01-01); SRDI_SME refused on 2026-03-31, granted 2026-04-01
//  G Heping   HIGH_TECH only (never in the group)
//
//  TECH_AND_INNOVATIVE_SME (group) = holding TECH_SME or INNOVATIVE_SME that day:
//   A [2026-01-10, 2027-01-01)  B [2025-05-01, 2028-05-01)  C [2025-03-01, 2026-01-01) [2026-04-15, 2027-01-01)
//   D [2026-03-31, 2026-05-01)  F [2026-03-20, 2027-01-01)
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { FixedClock } from '../../application/clock';
import { EnterpriseQueries, ProgressQueries, ProjectionStatusQueries } from '../../application/queries';
import { RuleViolation, type Tier } from '../../domain';
import { ProjectorService } from '../projector/projector.service';
import { verifyReadModels } from '../rebuild/verify';
import { openReadSide } from '../testing/read-model-fixture';
import { creditCode, TestLedger } from '../testing/test-ledger';

const HEPING = '120101';
const HEXI = '120103';
const NANKAI = '120104';
const XIQING = '120111';
const BINHAI = '120116';
const GROUP = 'TECH_AND_INNOVATIVE_SME';
const TODAY = '2026-06-30';

const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;
let progress: ProgressQueries;
const [A, B, C, D, F, G] = [501, 502, 503, 504, 505, 506].map(creditCode) as [
  string,
  string,
  string,
  string,
  string,
  string,
];

async function writeCohort(ledger: TestLedger): Promise<void> {
  const reg = (code: string, name: string, district: string) =>
    ledger.run(code, '2025-01-02', { type: 'RegisterEnterprise', data: { creditCode: code, name, district } });
  const grant = (code: string, tier: Tier, on: string) =>
    ledger.run(code, TODAY, { type: 'GrantCertification', data: { tier, grantedOn: on } });
  await reg(A, '甲科技有限公司', HEPING);
  await reg(B, '乙创新有限公司', BINHAI);
  await reg(C, '丙科技有限公司', HEXI);
  await reg(D, '丁创新有限公司', XIQING);
  await reg(F, '戊科技有限公司', HEPING);
  await reg(G, '己高新有限公司', HEPING);
  // Recorded in no particular order: the back catalogue of 2025 comes after 2026's grants.
  await grant(A, 'TECH_SME', '2026-01-10');
  await grant(A, 'SRDI_SME', '2026-04-01');
  await grant(B, 'TECH_SME', '2026-02-01');
  await grant(B, 'INNOVATIVE_SME', '2025-05-01');
  await grant(B, 'SRDI_SME', '2026-03-31');
  await ledger.run(C, TODAY, { type: 'RelocateEnterprise', data: { toDistrict: NANKAI, effectiveOn: '2026-02-01' } });
  await grant(C, 'TECH_SME', '2026-04-15');
  await grant(C, 'TECH_SME', '2025-03-01');
  await ledger.run(C, TODAY, { type: 'RecordLapses', data: {} });
  await grant(D, 'INNOVATIVE_SME', '2026-03-31');
  await ledger.run(D, TODAY, {
    type: 'RevokeCertification',
    data: { tier: 'INNOVATIVE_SME', revokedOn: '2026-05-01', reason: 'FAILED_REVIEW' },
  });
  await grant(F, 'TECH_SME', '2026-03-20');
  await expect(grant(F, 'SRDI_SME', '2026-03-31')).rejects.toBeInstanceOf(RuleViolation);
  await grant(F, 'SRDI_SME', '2026-04-01');
  await grant(G, 'HIGH_TECH', '2024-09-01');
}

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  await writeCohort(new TestLedger(store));
  const projector = new ProjectorService(dataSource, store, createLogger('silent'), {
    retryMs: 100,
    pollIntervalMs: 50,
    batchSize: 4,
  });
  projector.start();
  expect(await new ProjectionStatusQueries(dataSource, store).waitForPosition((await store.head())!, 20_000)).toBe(
    true,
  );
  await projector.stop();
  progress = new ProgressQueries(dataSource, new FixedClock(new Date('2026-06-30T04:00:00Z')));
});
afterAll(() => close());

const counts = async (asOf: string, district?: string) =>
  Object.fromEntries(
    (await progress.cohortProgress(asOf, district)).map((r) => [r.tier.tier, [r.active, r.cumulative]]),
  );

describe('revision-2026 across the boundary', () => {
  it('counts the group once per enterprise, on both sides of 2026-04-01', async () => {
    const before = await counts('2026-03-31');
    expect(before[GROUP]).toEqual([4, 5]); // A B D F; ever + C
    expect(before.TECH_SME).toEqual([3, 4]); // A B F; ever + C (its 2025 grant ended 2026-01-01)
    expect(before.INNOVATIVE_SME).toEqual([2, 2]); // B D
    expect(before.SRDI_SME).toEqual([1, 1]); // B
    const from = await counts('2026-04-01');
    expect(from[GROUP]).toEqual([4, 5]);
    expect(from.SRDI_SME).toEqual([3, 3]); // + A F on TECH_SME alone
    const today = await counts(TODAY);
    expect(today[GROUP]).toEqual([4, 5]); // A B C F (D revoked 05-01); TECH_SME 4 + INNOVATIVE_SME 1 > 4: B once
    expect(today.TECH_SME).toEqual([4, 4]);
    expect(today.INNOVATIVE_SME).toEqual([1, 2]);
    expect(today.HIGH_TECH).toEqual([1, 1]); // G, outside the group
  });

  it('gives the group a progress row without a target, and pace from six months before', async () => {
    const row = (await progress.cohortProgress(TODAY)).find((r) => r.tier.tier === GROUP)!;
    expect(row).toMatchObject({
      tier: { tier: GROUP, grantable: false, members: ['TECH_SME', 'INNOVATIVE_SME'], rung: 1 },
      metric: 'ACTIVE',
      target: null,
      current: 4,
      percent: null,
      onTrack: null,
    });
    // 2025-12-30: B and C held a member → (4 − 2) / 6 a month.
    expect(row.recentMonthlyPace).toBeCloseTo(2 / 6, 10);
  });

  it('breaks the group down by the district each enterprise was in that day', async () => {
    const nonZero = async (asOf: string) =>
      (await progress.districtBreakdown(GROUP, asOf))
        .filter((r) => r.active || r.cumulative)
        .map((r) => [r.district.code, r.active, r.cumulative]);
    expect(await nonZero('2025-06-30')).toEqual([
      [HEXI, 1, 1], // C before its move
      [BINHAI, 1, 1], // B
    ]);
    expect(await nonZero(TODAY)).toEqual([
      [HEPING, 2, 2], // A F
      [NANKAI, 1, 1], // C since 2026-02-01 (its whole history counts where it is that day)
      [XIQING, 0, 1], // D, revoked
      [BINHAI, 1, 1], // B
    ]);
    expect((await counts(TODAY, HEPING))[GROUP]).toEqual([2, 2]);
  });

  it('trends the group: entries and exits, not member grants', async () => {
    const points = await progress.cohortTrend(GROUP, '2026-01-01', TODAY, 'MONTH');
    expect(points.map((p) => [p.periodStart, p.active, p.cumulative, p.granted, p.renewed, p.ended])).toEqual([
      ['2026-01-01', 2, 3, 1, 0, 1], // A enters 01-10; C leaves 01-01
      ['2026-02-01', 2, 3, 0, 0, 0], // B's TECH_SME on 02-01: B is already in
      ['2026-03-01', 4, 5, 2, 0, 0], // F 03-20, D 03-31
      ['2026-04-01', 5, 5, 1, 0, 0], // C again 04-15
      ['2026-05-01', 4, 5, 0, 0, 1], // D revoked 05-01
      ['2026-06-01', 4, 5, 0, 0, 0],
    ]);
  });

  it('funnels SRDI_SME from either member from 2026-04-01 (the policy in force on the day it was reached)', async () => {
    const steps = await progress.ladderFunnel('SPECIALIZED');
    expect(
      steps.map((s) => [s.tier.tier, s.reached, s.fromPrevious, s.conversionRate, s.medianDaysFromPrevious]),
    ).toEqual([
      ['INNOVATIVE_SME', 2, null, null, null], // B D
      [GROUP, 5, null, null, null], // A B C D F
      // B 2026-03-31 after INNOVATIVE_SME 2025-05-01 (334 days); A and F on 2026-04-01 after TECH_SME
      // (81 and 12 days): 3 of the group's 5, median 81
      ['SRDI_SME', 3, 3, 3 / 5, 81],
      ['LITTLE_GIANT', 0, 0, 0, null],
      ['SINGLE_CHAMPION', 0, 0, null, null],
    ]);
  });

  it('lists the enterprises holding the group on a date', async () => {
    const queries = new EnterpriseQueries(dataSource, new FixedClock(new Date('2026-06-30T04:00:00Z')));
    const holders = async (asOf: string) =>
      (await queries.enterprises({ tier: GROUP, asOf })).edges.map((e) => e.node.creditCode);
    expect(await holders('2026-03-31')).toEqual([A, B, D, F]);
    expect(await holders(TODAY)).toEqual([A, B, C, F]);
  });

  it('rebuilds to the same numbers (verify finds no difference)', async () => {
    expect(await verifyReadModels(dataSource, store)).toEqual([]);
  });
});
