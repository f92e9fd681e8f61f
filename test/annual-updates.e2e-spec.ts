// Yearly duties (DOMAIN.md), counted by hand for 2026:
//   A (滨海新区) 创新型 since 2025-03-01, no update: the annual update due 2026-05-31 is overdue (184 days on 12-01).
//   B (滨海新区) 创新型 since 2025-03-01, updated for 2026 on 05-20: nothing due.
//   C (和平区) 创新型 since 2026-01-10, updated for 2026 on 05-30, then 专精特新 from 2026-07-01: its first filing,
//     due 2026-10-01, is not met by the May update (61 days overdue on 12-01).
//   D (滨海新区) 科技型 only: no duty.
import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

const OVERDUE = `query($year: Int!, $asOf: Date, $district: String, $first: Int, $after: String) {
  overdueAnnualUpdates(year: $year, asOf: $asOf, district: $district, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { enterprise { creditCode district { code } } year dueOn daysOverdue tiers { tier } } } } }`;
type Due = { enterprise: { creditCode: string }; dueOn: string; daysOverdue: number; tiers: { tier: string }[] };
type Answer = {
  overdueAnnualUpdates: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Due }[];
  };
};
const [A, B, C, D] = [creditCode(11), creditCode(12), creditCode(13), creditCode(14)];

describe('yearly duties: recordAnnualUpdate and overdueAnnualUpdates', () => {
  const api = useTestApi();
  let official: string;
  let last = '0';
  const write = async (name: string, input: Record<string, unknown>, token = official) => {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const res = await api.graphql<Record<string, { position: string }>>(
      `mutation($input: ${type}!) { ${name}(input: $input) { position } }`,
      { input },
      { token },
    );
    last = res.body.data?.[name]?.position ?? last;
    return res.body;
  };
  const ask = async (variables: Record<string, unknown>, token = official) =>
    api.graphql<Answer>(OVERDUE, variables, { token, headers: { 'x-consistency-position': last } });
  const rows = (a: Answer) =>
    a.overdueAnnualUpdates.edges.map(({ node: n }) => [
      n.enterprise.creditCode,
      n.dueOn,
      n.daysOverdue,
      n.tiers.map((t) => t.tier),
    ]);

  beforeAll(async () => {
    official = await tokenFor('MUNICIPAL_OFFICIAL');
    for (const [code, district] of [
      [A, '120116'],
      [B, '120116'],
      [C, '120101'],
      [D, '120116'],
    ] as const) {
      expect(
        (await write('registerEnterprise', { creditCode: code, name: `企业${code.slice(-4)}`, district })).errors,
      ).toBeUndefined();
    }
    const grant = (c: string, tier: string, grantedOn: string) =>
      write('grantCertification', { creditCode: c, tier, grantedOn });
    await grant(A, 'INNOVATIVE_SME', '2025-03-01');
    await grant(B, 'INNOVATIVE_SME', '2025-03-01');
    await grant(C, 'INNOVATIVE_SME', '2026-01-10');
    await grant(D, 'TECH_SME', '2026-01-10');
    expect(
      (await write('recordAnnualUpdate', { creditCode: B, year: 2026, submittedOn: '2026-05-20' })).errors,
    ).toBeUndefined();
    expect(
      (await write('recordAnnualUpdate', { creditCode: C, year: 2026, submittedOn: '2026-05-30' })).errors,
    ).toBeUndefined();
    expect((await grant(C, 'SRDI_SME', '2026-07-01')).errors).toBeUndefined();
  });

  it('lists both duties past due and unmet, with the days overdue and the tiers that make them due', async () => {
    const res = await ask({ year: 2026, asOf: '2026-12-01' });
    expect(res.body.errors).toBeUndefined();
    expect(rows(res.body.data!)).toEqual([
      [A, '2026-05-31', 184, ['INNOVATIVE_SME']],
      [C, '2026-10-01', 61, ['SRDI_SME']],
    ]);
  });

  it('counts nothing overdue on the due day itself, and the first filing only once it is due', async () => {
    expect(rows((await ask({ year: 2026, asOf: '2026-05-31' })).body.data!)).toEqual([]);
    expect(rows((await ask({ year: 2026, asOf: '2026-06-01' })).body.data!)).toEqual([
      [A, '2026-05-31', 1, ['INNOVATIVE_SME']],
    ]);
  });

  it('clears a duty once an update is recorded, and pages with a cursor', async () => {
    const page1 = (await ask({ year: 2026, asOf: '2026-12-01', first: 1 })).body.data!.overdueAnnualUpdates;
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const page2 = (await ask({ year: 2026, asOf: '2026-12-01', first: 1, after: page1.pageInfo.endCursor })).body.data!
      .overdueAnnualUpdates;
    expect(page2.edges.map((e) => e.node.enterprise.creditCode)).toEqual([C]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(
      (await write('recordAnnualUpdate', { creditCode: A, year: 2026, submittedOn: '2026-11-20' })).errors,
    ).toBeUndefined();
    expect(rows((await ask({ year: 2026, asOf: '2026-12-01' })).body.data!)).toEqual([
      [C, '2026-10-01', 61, ['SRDI_SME']],
    ]);
    // before the late filing A was still overdue
    expect(rows((await ask({ year: 2026, asOf: '2026-11-19' })).body.data!).map((r) => r[0])).toEqual([A, C]);
  });

  it('keeps a district official to their district, for the list and for recording', async () => {
    const heping = await tokenFor('DISTRICT_OFFICIAL', '120101');
    expect(rows((await ask({ year: 2026, asOf: '2026-12-01' }, heping)).body.data!).map((r) => r[0])).toEqual([C]);
    const other = await ask({ year: 2026, asOf: '2026-12-01', district: '120116' }, heping);
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const elsewhere = await write(
      'recordAnnualUpdate',
      { creditCode: D, year: 2026, submittedOn: '2026-05-01' },
      heping,
    );
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a year after the submission and a date in the future, writing nothing', async () => {
    const late = await write('recordAnnualUpdate', { creditCode: D, year: 2027, submittedOn: '2026-05-01' });
    expect(late.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'YEAR_OUT_OF_RANGE',
      field: 'year',
    });
    const future = await write('recordAnnualUpdate', { creditCode: D, year: 2026, submittedOn: '2999-01-01' });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'submittedOn' });
    const history = await api.graphql<{ enterpriseHistory: { type: string }[] }>(
      `query { enterpriseHistory(creditCode: "${D}") { type } }`,
      {},
      { token: await tokenFor('AUDITOR') },
    );
    expect(history.body.data!.enterpriseHistory.map((e) => e.type)).not.toContain('AnnualUpdateRecorded');
  });
});
