// The worked scenario (testing/scenario.ts) projected and queried; every expected number is counted by
// hand from this table of counting intervals [from, until) (until exclusive):
//
//  TECH_SME        E1 Binhai [2023-03-01,2024-01-01) [2024-02-01,2026-01-01)   E5 Binhai [2024-06-01,2025-01-01) (its
//                  2024-04-01 grant retracted)   E7 Binhai [2025-02-01,2027-01-01)   E11 Binhai [2026-03-01,2027-01-01)
//                  E12 Heping [2026-01-15,2027-01-01)
//  HIGH_TECH       E1 Binhai [2024-05-10,2027-05-10)  E6 Hexi [2023-11-20,2025-09-30) (deregistered)  E7 Binhai
//                  [2025-03-01,2028-03-01)  E8 Nankai [2023-09-20,2026-09-20)  E10 Xiqing [2023-08-15,2026-08-15)
//                  E11 Binhai [2026-04-01,2029-04-01)
//  TECH_LEADER     E7 Binhai [2026-02-01,2029-02-01)
//  INNOVATIVE_SME  E2 Heping [2023-06-01,2026-06-01)  E3 Heping [2024-01-15,2025-03-01) then Nankai [2025-03-01,
//                  2027-01-15)  E4 Xiqing [2023-09-01,2024-10-01) (revoked)  E6 Hexi [2024-02-01,2025-09-30)
//                  E9 Heping [2022-12-01,2028-12-01) (renewed)  E12 Heping [2025-08-01,2028-08-01)
//  SRDI_SME        E2 Heping [2024-03-01,2027-03-01)  E9 Heping [2023-05-01,2026-05-01)  E12 Heping [2025-08-01,2028-08-01)
//  LITTLE_GIANT    E2 Heping NATIONAL [2025-07-15,2028-07-15)
//  SINGLE_CHAMPION E8 Nankai NATIONAL [2024-07-01,2027-07-01)  E2 Heping MUNICIPAL [2026-01-10,2029-01-10)
//
// Dates: TODAY 2026-06-30 (six months earlier: 2025-12-30), and the past dates 2024-12-31 and 2025-06-30.
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { FixedClock } from '../../application/clock';
import { EnterpriseQueries, ProgressQueries, ProjectionStatusQueries } from '../../application/queries';
import { ProjectorService } from '../projector/projector.service';
import { rebuildReadModels } from '../rebuild/rebuild';
import { verifyReadModels } from '../rebuild/verify';
import { LIVE_SCHEMA } from '../schema';
import { dumpReadModels, openReadSide } from '../testing/read-model-fixture';
import { BINHAI, E, HEPING, HEXI, NANKAI, XIQING, writeScenario } from '../testing/scenario';
import { TestLedger } from '../testing/test-ledger';

const silent = createLogger('silent');

const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;
const clock = new FixedClock(new Date('2026-06-30T04:00:00Z')); // noon in Tianjin
let progress: ProgressQueries;
let enterprises: EnterpriseQueries;

async function projectAll(): Promise<void> {
  const projector = new ProjectorService(dataSource, store, silent, { retryMs: 100, pollIntervalMs: 50, batchSize: 7 });
  projector.start();
  const head = (await store.head())!;
  expect(await new ProjectionStatusQueries(dataSource, store).waitForPosition(head, 20_000)).toBe(true);
  await projector.stop();
}

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  await writeScenario(new TestLedger(store));
  await projectAll(); // batches of 7 events: enterprises' histories are cut across transactions
  progress = new ProgressQueries(dataSource, clock);
  enterprises = new EnterpriseQueries(dataSource, clock);
});
afterAll(() => close());

const row = <T extends { tier: { tier: string } }>(rows: T[], tier: string): T =>
  rows.find((r) => r.tier.tier === tier)!;
const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

describe('cohortProgress', () => {
  it('today, city-wide: headline counts under each target, both counts, and pace', async () => {
    const rows = await progress.cohortProgress();
    expect(rows.map((r) => r.tier.tier)).toEqual([
      'TECH_SME',
      'HIGH_TECH',
      'TECH_LEADER',
      'INNOVATIVE_SME',
      'SRDI_SME',
      'LITTLE_GIANT',
      'SINGLE_CHAMPION',
    ]);
    const counts = rows.map((r) => [r.tier.tier, r.metric, r.level, r.target, r.current, r.active, r.cumulative]);
    expect(counts).toEqual([
      ['TECH_SME', 'ACTIVE', null, 15000, 3, 3, 5], // active E7 E11 E12; ever E1 E5 E7 E11 E12
      ['HIGH_TECH', 'ACTIVE', null, 10, 5, 5, 6], // E1 E7 E8 E10 E11; E6 ended by deregistration
      ['TECH_LEADER', 'ACTIVE', null, null, 1, 1, 1],
      ['INNOVATIVE_SME', 'CUMULATIVE', null, 8000, 6, 3, 6], // active E3 E9 E12 (E2 lapsed 06-01, E4 revoked, E6 gone)
      ['SRDI_SME', 'CUMULATIVE', null, 4000, 3, 2, 3], // active E2 E12 (E9 lapsed 05-01)
      ['LITTLE_GIANT', 'ACTIVE', null, null, 1, 1, 1],
      ['SINGLE_CHAMPION', 'CUMULATIVE', 'MUNICIPAL', 200, 1, 2, 2], // only E2's grant is MUNICIPAL
    ]);
    // HIGH_TECH: 5 now, 4 on 2025-12-30 (E1 E7 E8 E10) → 1/6 a month; 549 days to 2027-12-31 = 18.037 months;
    // projected round(5 + 18.037/6) = 8 < 10; remaining 5 → 5 / 18.037 = 0.2772 a month.
    const highTech = row(rows, 'HIGH_TECH');
    expect(pick(highTech, ['percent', 'remaining', 'projectedAtDeadline', 'onTrack', 'deadline', 'asOf'])).toEqual({
      percent: 50,
      remaining: 5,
      projectedAtDeadline: 8,
      onTrack: false,
      deadline: '2027-12-31',
      asOf: '2026-06-30',
    });
    expect(highTech.recentMonthlyPace).toBeCloseTo(1 / 6, 10);
    expect(highTech.requiredMonthlyPace).toBeCloseTo(5 / (549 / 30.4375), 10);
    // TECH_LEADER has no target: only the recent pace (0 on 2025-12-30 → 1 now).
    expect(
      pick(row(rows, 'TECH_LEADER'), [
        'percent',
        'remaining',
        'requiredMonthlyPace',
        'projectedAtDeadline',
        'onTrack',
        'deadline',
      ]),
    ).toEqual({
      percent: null,
      remaining: null,
      requiredMonthlyPace: null,
      projectedAtDeadline: null,
      onTrack: null,
      deadline: null,
    });
    // INNOVATIVE_SME cumulative was already 6 on 2025-12-30 (E12 joined 2025-08-01): pace 0, projection 6.
    expect(pick(row(rows, 'INNOVATIVE_SME'), ['recentMonthlyPace', 'projectedAtDeadline', 'remaining'])).toEqual({
      recentMonthlyPace: 0,
      projectedAtDeadline: 6,
      remaining: 7994,
    });
    expect(row(rows, 'TECH_LEADER').tier).toEqual({
      tier: 'TECH_LEADER',
      ladder: 'TECH',
      rung: 3,
      nameZh: '科技领军企业',
      nameEn: 'Tech leading enterprise',
    });
  });

  it('on 2024-12-31 and 2025-06-30 (past dates)', async () => {
    const counts = async (asOf: string, district?: string) =>
      (await progress.cohortProgress(asOf, district)).map((r) => [r.tier.tier, r.current, r.active, r.cumulative]);
    expect(await counts('2024-12-31')).toEqual([
      ['TECH_SME', 2, 2, 2], // E1 E5
      ['HIGH_TECH', 4, 4, 4], // E1 E6 E8 E10
      ['TECH_LEADER', 0, 0, 0],
      ['INNOVATIVE_SME', 5, 4, 5], // active E2 E3 E6 E9; E4 revoked but counted cumulatively
      ['SRDI_SME', 2, 2, 2], // E2 E9
      ['LITTLE_GIANT', 0, 0, 0],
      ['SINGLE_CHAMPION', 0, 1, 1], // E8 is NATIONAL: not in the MUNICIPAL headline
    ]);
    expect(await counts('2025-06-30')).toEqual([
      ['TECH_SME', 2, 2, 3], // active E1 E7 (E5 lapsed 2025-01-01)
      ['HIGH_TECH', 5, 5, 5], // + E7
      ['TECH_LEADER', 0, 0, 0],
      ['INNOVATIVE_SME', 5, 4, 5], // E2 E3 E6 E9
      ['SRDI_SME', 2, 2, 2],
      ['LITTLE_GIANT', 0, 0, 0], // E2 from 2025-07-15
      ['SINGLE_CHAMPION', 0, 1, 1],
    ]);
    // Heping: E3 counts here until its relocation on 2025-03-01, both actively and cumulatively.
    const heping = async (asOf: string) =>
      (await counts(asOf, HEPING)).filter(([t]) => t === 'INNOVATIVE_SME' || t === 'SRDI_SME');
    expect(await heping('2024-12-31')).toEqual([
      ['INNOVATIVE_SME', 3, 3, 3],
      ['SRDI_SME', 2, 2, 2],
    ]); // E2 E3 E9 / E2 E9
    expect(await heping('2025-06-30')).toEqual([
      ['INNOVATIVE_SME', 2, 2, 2],
      ['SRDI_SME', 2, 2, 2],
    ]); // E2 E9
  });
});

describe('districtBreakdown', () => {
  it('lists all sixteen districts with zeros, counting each enterprise where it was that day', async () => {
    const rows = await progress.districtBreakdown('INNOVATIVE_SME', '2025-06-30');
    expect(rows).toHaveLength(16);
    const nonZero = rows.filter((r) => r.active || r.cumulative).map((r) => [r.district.code, r.active, r.cumulative]);
    expect(nonZero).toEqual([
      [HEPING, 2, 2], // E2 E9
      [HEXI, 1, 1], // E6 (deregistered later, on 2025-09-30)
      [NANKAI, 1, 1], // E3 since 2025-03-01
      [XIQING, 0, 1], // E4, revoked 2024-10-01
    ]);
    expect(rows[0]!.district).toEqual({ code: '120101', name: '和平区' });
  });

  it('today for HIGH_TECH', async () => {
    const nonZero = (await progress.districtBreakdown('HIGH_TECH')).filter((r) => r.active || r.cumulative);
    expect(nonZero.map((r) => [r.district.code, r.active, r.cumulative])).toEqual([
      [HEXI, 0, 1], // E6, deregistered
      [NANKAI, 1, 1], // E8
      [XIQING, 1, 1], // E10
      [BINHAI, 3, 3], // E1 E7 E11
    ]);
  });
});

describe('cohortTrend', () => {
  it('quarters of 2024 for TECH_SME, city-wide', async () => {
    expect(await progress.cohortTrend('TECH_SME', '2024-01-01', '2024-12-31', 'QUARTER')).toEqual([
      // E1's 2023 grant ends 2024-01-01; E1 granted again 2024-02-01
      { periodStart: '2024-01-01', active: 1, cumulative: 1, granted: 1, renewed: 0, ended: 1 },
      { periodStart: '2024-04-01', active: 2, cumulative: 2, granted: 1, renewed: 0, ended: 0 }, // E5 2024-06-01 (the retracted grant is not counted)
      { periodStart: '2024-07-01', active: 2, cumulative: 2, granted: 0, renewed: 0, ended: 0 },
      { periodStart: '2024-10-01', active: 2, cumulative: 2, granted: 0, renewed: 1, ended: 0 }, // E1 renewed 2024-11-01
    ]);
  });

  it('months in Binhai, with a first and last period clipped to from and to', async () => {
    expect(await progress.cohortTrend('TECH_SME', '2025-11-15', '2026-02-10', 'MONTH', BINHAI)).toEqual([
      { periodStart: '2025-11-01', active: 2, cumulative: 3, granted: 0, renewed: 0, ended: 0 }, // E1 E7; ever + E5
      { periodStart: '2025-12-01', active: 2, cumulative: 3, granted: 0, renewed: 1, ended: 0 }, // E7 renewed 12-01
      { periodStart: '2026-01-01', active: 1, cumulative: 3, granted: 0, renewed: 0, ended: 1 }, // E1 ends 2026-01-01
      { periodStart: '2026-02-01', active: 1, cumulative: 3, granted: 0, renewed: 0, ended: 0 }, // on 02-10; E11 comes 03-01
    ]);
  });
});

describe('ladderFunnel', () => {
  it('SPECIALIZED: reach, conversion from the previous rung, median days', async () => {
    expect(await progress.ladderFunnel('SPECIALIZED')).toEqual([
      expect.objectContaining({ reached: 6, fromPrevious: null, conversionRate: null, medianDaysFromPrevious: null }),
      // E2 274 days, E9 151, E12 0 (same day) → median 151; 3 of 6
      expect.objectContaining({ reached: 3, fromPrevious: 3, conversionRate: 0.5, medianDaysFromPrevious: 151 }),
      // E2: 2024-03-01 → 2025-07-15 = 501 days
      expect.objectContaining({ reached: 1, fromPrevious: 1, conversionRate: 1 / 3, medianDaysFromPrevious: 501 }),
      // E8 skipped the little-giant rung; E2: 2025-07-15 → 2026-01-10 = 179 days
      expect.objectContaining({ reached: 2, fromPrevious: 1, conversionRate: 1, medianDaysFromPrevious: 179 }),
    ]);
  });

  it('TECH', async () => {
    const steps = await progress.ladderFunnel('TECH');
    expect(
      steps.map((s) => [s.tier.tier, s.reached, s.fromPrevious, s.conversionRate, s.medianDaysFromPrevious]),
    ).toEqual([
      ['TECH_SME', 5, null, null, null], // E1 E5 E7 E11 E12
      ['HIGH_TECH', 6, 3, 3 / 5, 31], // E1 436 days, E7 28, E11 31 (E6 E8 E10 never TECH_SME)
      ['TECH_LEADER', 1, 1, 1 / 6, 337], // E7 2025-03-01 → 2026-02-01
    ]);
  });
});

describe('enterprises and certifications', () => {
  it('shows an enterprise from its snapshot: relocated, retracted, lapsed, deregistered', async () => {
    const e3 = await enterprises.enterprise(E(3));
    expect(pick(e3!, ['district', 'version', 'deregisteredOn'])).toEqual({
      district: { code: NANKAI, name: '南开区' },
      version: 2,
      deregisteredOn: null,
    });
    const e5 = await enterprises.enterprise(E(5).toLowerCase());
    expect(e5!.certifications.map((c) => [c.grantedOn, c.state, c.endedOn])).toEqual([
      ['2024-04-01', 'RETRACTED', null],
      ['2024-06-01', 'LAPSED', '2025-01-01'],
    ]);
    const e6 = await enterprises.enterprise(E(6));
    expect(e6!.deregisteredOn).toBe('2025-09-30');
    expect(e6!.certifications.map((c) => c.state)).toEqual(['ENDED_BY_DEREGISTRATION', 'ENDED_BY_DEREGISTRATION']);
    expect(e6!.positions).toEqual([
      { ladder: 'TECH', tier: null, rung: 0 },
      { ladder: 'SPECIALIZED', tier: null, rung: 0 },
    ]);
    const e7 = await enterprises.enterprise(E(7));
    expect(e7!.positions).toEqual([
      { ladder: 'TECH', tier: 'TECH_LEADER', rung: 3 },
      { ladder: 'SPECIALIZED', tier: null, rung: 0 },
    ]);
    expect(await enterprises.enterprise('91120000999999999X')).toBeNull();
  });

  it('filters by tier held on a date and district, by name, and pages by credit code', async () => {
    const binhaiHighTech = await enterprises.enterprises({ tier: 'HIGH_TECH', district: BINHAI });
    expect(binhaiHighTech.edges.map((e) => e.node.creditCode)).toEqual([E(1), E(7), E(11)]);
    expect(binhaiHighTech.totalCount).toBe(3);
    const past = await enterprises.enterprises({ tier: 'INNOVATIVE_SME', district: HEPING, asOf: '2024-12-31' });
    expect(past.edges.map((e) => e.node.creditCode)).toEqual([E(2), E(3), E(9)]); // E3 was still in Heping
    const tech = await enterprises.enterprises({ nameContains: '科技' }, 2);
    expect(tech.totalCount).toBe(4); // E1 E3 E7 E11
    expect(tech.edges.map((e) => e.node.creditCode)).toEqual([E(1), E(3)]);
    expect(tech.pageInfo.hasNextPage).toBe(true);
    const rest = await enterprises.enterprises({ nameContains: '科技' }, 2, tech.pageInfo.endCursor);
    expect(rest.edges.map((e) => e.node.creditCode)).toEqual([E(7), E(11)]);
    expect(rest.pageInfo).toEqual({ hasNextPage: false, endCursor: rest.edges[1]!.cursor });
    expect((await enterprises.enterprises({ nameContains: '100%' })).totalCount).toBe(0);
    await expect(enterprises.enterprises({}, 2, 'not-a-cursor')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('lists certifications expiring within 90 and 200 days, by validUntil then credit code', async () => {
    const soon = await enterprises.expiringCertifications(90);
    expect(
      soon.edges.map(({ node }) => [
        node.enterprise.creditCode,
        node.certification.tier,
        node.certification.validUntil,
        node.daysLeft,
      ]),
    ).toEqual([
      [E(10), 'HIGH_TECH', '2026-08-14', 45],
      [E(8), 'HIGH_TECH', '2026-09-19', 81],
    ]);
    const later = await enterprises.expiringCertifications(200, null, null, 4);
    expect(later.totalCount).toBe(6); // + TECH_SME of E7 E11 E12 on 2026-12-31, E3's INNOVATIVE_SME 2027-01-14
    const next = await enterprises.expiringCertifications(200, null, null, 4, later.pageInfo.endCursor);
    const all = [...later.edges, ...next.edges].map(
      ({ node }) => `${node.enterprise.creditCode.slice(-3)} ${node.certification.tier}`,
    );
    expect(all).toEqual(
      [E(10), E(8), E(7), E(11), E(12), E(3)].map(
        (c, i) => `${c.slice(-3)} ${i < 2 ? 'HIGH_TECH' : i < 5 ? 'TECH_SME' : 'INNOVATIVE_SME'}`,
      ),
    );
    const heping = await enterprises.expiringCertifications(200, 'TECH_SME', HEPING);
    expect(heping.edges.map((e) => e.node.enterprise.creditCode)).toEqual([E(12)]);
  });
});

describe('rebuild and verify', () => {
  it('a fresh rebuild reports no difference, swaps in equal rows, and queries still agree', async () => {
    expect(await verifyReadModels(dataSource, store)).toEqual([]);
    const before = await dumpReadModels(dataSource, LIVE_SCHEMA);
    const seen: string[] = [];
    const result = await rebuildReadModels(dataSource, store, {
      batchSize: 5,
      onProgress: (p) => void seen.push(p.phase),
    });
    expect(result.position).toBe(await store.head());
    expect(seen).toContain('replaying');
    expect(seen.at(-1)).toBe('done');
    expect(await dumpReadModels(dataSource, LIVE_SCHEMA)).toEqual(before);
    expect((await progress.cohortProgress('2024-12-31')).map((r) => r.current)).toEqual([2, 4, 0, 5, 2, 0, 0]);
  });
});
