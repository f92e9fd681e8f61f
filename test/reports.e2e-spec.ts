// Figures that stay true once published (issue 25), counted by hand:
//   before T: E1 (滨海新区 120116) 创新型 from 2026-03-01; E2 (滨海新区) 创新型 from 2026-04-01; E3 (和平区 120101)
//   科技型 from 2026-02-01. Reports of 2026-09-30 are published at T for the city and for 滨海新区.
//   after T: a back-dated 创新型 for E3 (2026-08-01), E2's 创新型 retracted, E1 relocated to 和平区 from 2026-06-01
//   (recorded late), and a 科技型 for E1 from 2026-11-01 (after the report's date: it explains nothing).
//   City on 2026-09-30: 创新型 cumulative 2 → 2 (+1 E3's grant, −1 E2's retraction); 科技和创新型 active 3 → 2
//   (E3 already held 科技型: its grant adds nothing to the group; −1 the retraction); 科技型 1 → 1.
//   滨海新区: 创新型 2 → 0 (−1 retraction, −1 relocation); 科技和创新型 2 → 0.
import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

const ROW_FIELDS = `tier { tier } level metric target deadline asOf current active cumulative percent remaining
  requiredMonthlyPace recentMonthlyPace projectedAtDeadline onTrack`;
const PROGRESS = `query($asOf: Date, $district: String, $knownAt: DateTime) {
  cohortProgress(asOf: $asOf, district: $district, knownAt: $knownAt) { ${ROW_FIELDS} } }`;
const PUBLISH = `mutation($input: PublishReportInput!) { publishReport(input: $input) {
  id title asOf district { code name } publishedAt publishedBy position supersedes rows { ${ROW_FIELDS} } } }`;
const RESTATEMENT = `query($id: ID!) { reportRestatement(id: $id) { position report { id }
  rows { tier { tier } level metric published now difference
    events { creditCode name eventId eventType effectiveOn recordedAt recordedBy effect } } } }`;
const REPORTS = `query($district: String) { reports(district: $district) { id title district { code } } }`;

type Row = { tier: { tier: string }; current: number };
type Report = { id: string; publishedAt: string; position: string; district: { code: string } | null; rows: Row[] };
type RestatedEvent = { creditCode: string; eventType: string; effectiveOn: string | null; effect: number };
type RestatedRow = {
  tier: { tier: string };
  metric: string;
  published: number;
  now: number;
  difference: number;
  events: RestatedEvent[];
};

const AS_OF = '2026-09-30';
const [E1, E2, E3] = [creditCode(1), creditCode(2), creditCode(3)];
const pause = () => new Promise((r) => setTimeout(r, 20));

describe('published reports, cohort as known at, restatements', () => {
  const api = useTestApi();
  let official: string;
  let analyst: string;
  let binhai: string;
  let last = '0';
  let city: Report;
  let district: Report;

  const write = async (query: string, input: Record<string, unknown>) => {
    const res = await api.graphql<Record<string, { position: string; events: { eventId: string }[] }>>(
      query,
      { input },
      { token: official },
    );
    expect(res.body.errors).toBeUndefined();
    const result = Object.values(res.body.data ?? {})[0]!;
    last = result.position ?? last;
    return result;
  };
  const caughtUp = { 'x-consistency-position': '0' };
  const read = async <T>(query: string, variables: Record<string, unknown>, token = analyst) => {
    caughtUp['x-consistency-position'] = last;
    const res = await api.graphql<T>(query, variables, { token, headers: caughtUp });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };
  const M = (name: string, fields = 'position events { eventId }') =>
    `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`;

  let e2Grant: string;

  beforeAll(async () => {
    [official, analyst, binhai] = await Promise.all([
      tokenFor('MUNICIPAL_OFFICIAL'),
      tokenFor('ANALYST'),
      tokenFor('DISTRICT_OFFICIAL', '120116'),
    ]);
    await write(M('registerEnterprise'), { creditCode: E1, name: '甲科技有限公司', district: '120116' });
    await write(M('registerEnterprise'), { creditCode: E2, name: '乙科技有限公司', district: '120116' });
    await write(M('registerEnterprise'), { creditCode: E3, name: '丙科技有限公司', district: '120101' });
    await write(M('grantCertification'), { creditCode: E1, tier: 'INNOVATIVE_SME', grantedOn: '2026-03-01' });
    e2Grant = (
      await write(M('grantCertification'), { creditCode: E2, tier: 'INNOVATIVE_SME', grantedOn: '2026-04-01' })
    ).events[0]!.eventId;
    await write(M('grantCertification'), { creditCode: E3, tier: 'TECH_SME', grantedOn: '2026-02-01' });
    await read(PROGRESS, {}); // the read models have every event above
    city = (
      await read<{ publishReport: Report }>(
        PUBLISH,
        { input: { title: '截至2026年9月30日全市培育情况', asOf: AS_OF } },
        official,
      )
    ).publishReport;
    district = (
      await read<{ publishReport: Report }>(
        PUBLISH,
        { input: { title: '滨海新区培育情况', asOf: AS_OF, district: '120116' } },
        binhai,
      )
    ).publishReport;
    await pause(); // what follows is recorded strictly after T
    await write(M('grantCertification'), { creditCode: E3, tier: 'INNOVATIVE_SME', grantedOn: '2026-08-01' });
    await write(M('retractCertification'), {
      creditCode: E2,
      tier: 'INNOVATIVE_SME',
      eventId: e2Grant,
      reason: '录入错误',
    });
    await write(M('relocateEnterprise'), { creditCode: E1, toDistrict: '120101', effectiveOn: '2026-06-01' });
    await write(M('grantCertification'), { creditCode: E1, tier: 'TECH_SME', grantedOn: '2026-11-01' });
  });

  const current = (rows: Row[], tier: string) => rows.find((r) => r.tier.tier === tier)!.current;

  it('publishes the rows of cohortProgress with the position and time they were computed at', () => {
    expect(current(city.rows, 'INNOVATIVE_SME')).toBe(2);
    expect(current(city.rows, 'TECH_SME')).toBe(1);
    expect(current(city.rows, 'TECH_AND_INNOVATIVE_SME')).toBe(3);
    expect(current(district.rows, 'INNOVATIVE_SME')).toBe(2);
    expect(district.district).toEqual({ code: '120116', name: '滨海新区' });
    expect(BigInt(city.position)).toBeGreaterThan(0n);
  });

  it('answers cohortProgress as known at T with exactly the published rows, and differently now', async () => {
    for (const report of [city, district]) {
      const vars = { asOf: AS_OF, district: report.district?.code ?? null };
      const then = await read<{ cohortProgress: Row[] }>(PROGRESS, { ...vars, knownAt: report.publishedAt });
      expect(then.cohortProgress).toEqual(report.rows);
      const now = await read<{ cohortProgress: Row[] }>(PROGRESS, vars);
      expect(now.cohortProgress).not.toEqual(report.rows);
    }
    const now = await read<{ cohortProgress: Row[] }>(PROGRESS, { asOf: AS_OF, district: '120116' });
    expect(current(now.cohortProgress, 'INNOVATIVE_SME')).toBe(0);
  });

  it('knew nothing before the first event, and knows everything at a moment after the last', async () => {
    const before = await read<{ cohortProgress: Row[] }>(PROGRESS, { asOf: AS_OF, knownAt: '2020-01-01T00:00:00Z' });
    expect(before.cohortProgress.map((r) => r.current)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const later = await read<{ cohortProgress: Row[] }>(PROGRESS, { asOf: AS_OF, knownAt: '2100-01-01T00:00:00Z' });
    const now = await read<{ cohortProgress: Row[] }>(PROGRESS, { asOf: AS_OF });
    expect(later.cohortProgress).toEqual(now.cohortProgress);
  });

  it('gives districtBreakdown and cohortTrend as known at T too', async () => {
    const q = `query($knownAt: DateTime) {
      districtBreakdown(tier: INNOVATIVE_SME, asOf: "${AS_OF}", knownAt: $knownAt) { district { code } cumulative }
      cohortTrend(tier: INNOVATIVE_SME, from: "2026-07-01", to: "${AS_OF}", interval: QUARTER, knownAt: $knownAt) {
        periodStart cumulative granted } }`;
    type A = {
      districtBreakdown: { district: { code: string }; cumulative: number }[];
      cohortTrend: { cumulative: number; granted: number }[];
    };
    const by = (a: A, code: string) => a.districtBreakdown.find((d) => d.district.code === code)!.cumulative;
    const then = await read<A>(q, { knownAt: city.publishedAt });
    const now = await read<A>(q, {});
    expect([by(then, '120116'), by(then, '120101')]).toEqual([2, 0]);
    expect([by(now, '120116'), by(now, '120101')]).toEqual([0, 2]);
    // Q3 2026: known at T, no 创新型 was granted in it; now E3's back-dated grant of 08-01 is
    expect(then.cohortTrend.map((p) => [p.cumulative, p.granted])).toEqual([[2, 0]]);
    expect(now.cohortTrend.map((p) => [p.cumulative, p.granted])).toEqual([[2, 1]]);
  });

  it('restates the city report: each difference explained, event by event', async () => {
    const { reportRestatement: r } = await read<{ reportRestatement: { rows: RestatedRow[] } }>(RESTATEMENT, {
      id: city.id,
    });
    const row = (tier: string) => r.rows.find((x) => x.tier.tier === tier)!;
    for (const x of r.rows) {
      expect(x.difference).toBe(x.now - x.published);
      expect(x.events.reduce((s, e) => s + e.effect, 0)).toBe(x.difference);
    }
    const innovative = row('INNOVATIVE_SME');
    expect([innovative.published, innovative.now]).toEqual([2, 2]);
    expect(innovative.events.map((e) => [e.creditCode, e.eventType, e.effectiveOn, e.effect])).toEqual([
      [E3, 'CertificationGranted', '2026-08-01', 1],
      [E2, 'CertificationRetracted', null, -1],
    ]);
    const group = row('TECH_AND_INNOVATIVE_SME');
    expect([group.published, group.now]).toEqual([3, 2]);
    expect(group.events.map((e) => [e.creditCode, e.eventType, e.effect])).toEqual([
      [E2, 'CertificationRetracted', -1],
    ]);
    expect(row('TECH_SME')).toMatchObject({ published: 1, now: 1, difference: 0, events: [] });
  });

  it('restates the district report: a late relocation is −1 in the district it left', async () => {
    const { reportRestatement: r } = await read<{ reportRestatement: { rows: RestatedRow[] } }>(RESTATEMENT, {
      id: district.id,
    });
    const innovative = r.rows.find((x) => x.tier.tier === 'INNOVATIVE_SME')!;
    expect([innovative.published, innovative.now, innovative.difference]).toEqual([2, 0, -2]);
    expect(innovative.events.map((e) => [e.creditCode, e.eventType, e.effect])).toEqual([
      [E2, 'CertificationRetracted', -1],
      [E1, 'EnterpriseRelocated', -1],
    ]);
    for (const x of r.rows) expect(x.events.reduce((s, e) => s + e.effect, 0)).toBe(x.difference);
  });

  it('lists reports newest first, a district official the city’s and their own only', async () => {
    const heping = await tokenFor('DISTRICT_OFFICIAL', '120101', 'heping-1');
    const other = await read<{ publishReport: Report }>(
      PUBLISH,
      { input: { title: '和平区培育情况', asOf: AS_OF, district: '120101' } },
      heping,
    );
    const all = (await read<{ reports: { id: string }[] }>(REPORTS, {})).reports.map((r) => r.id);
    expect(all).toEqual([other.publishReport.id, district.id, city.id]);
    const seen = (await read<{ reports: { id: string }[] }>(REPORTS, {}, binhai)).reports.map((r) => r.id);
    expect(seen).toEqual([district.id, city.id]);
    const denied = await api.graphql(
      `query($id: ID!) { report(id: $id) { id } }`,
      { id: other.publishReport.id },
      {
        token: binhai,
      },
    );
    expect(denied.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a district official publishing for the city, a bad title, and a superseded report of another scope', async () => {
    const cityByDistrict = await api.graphql(PUBLISH, { input: { title: '全市', asOf: AS_OF } }, { token: binhai });
    expect(cityByDistrict.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'district' });
    const blank = await api.graphql(PUBLISH, { input: { title: '  ', asOf: AS_OF } }, { token: official });
    expect(blank.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const mismatch = await api.graphql(
      PUBLISH,
      { input: { title: '更正', asOf: AS_OF, supersedes: district.id } },
      { token: official },
    );
    expect(mismatch.body.errors?.[0]?.extensions).toMatchObject({ rule: 'REPORT_SCOPE_MISMATCH', field: 'supersedes' });
    const superseding = await read<{ publishReport: { supersedes: string } }>(
      PUBLISH,
      { input: { title: '更正', asOf: AS_OF, supersedes: city.id, commandId: 'republish-1' } },
      official,
    );
    expect(superseding.publishReport.supersedes).toBe(city.id);
    const again = await read<{ publishReport: { supersedes: string } }>(
      PUBLISH,
      { input: { title: '更正', asOf: AS_OF, supersedes: city.id, commandId: 'republish-1' } },
      official,
    );
    expect(again.publishReport).toEqual(superseding.publishReport);
  });
});
