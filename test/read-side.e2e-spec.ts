import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { position } }`;
const GRANT = `mutation($input: GrantCertificationInput!) { grantCertification(input: $input) { position } }`;
const PROGRESS = `query($asOf: Date, $district: String) { cohortProgress(asOf: $asOf, district: $district) {
  tier { tier ladder rung nameZh } level metric target deadline asOf current active cumulative percent remaining onTrack } }`;

type Row = {
  tier: { tier: string };
  current: number;
  active: number;
  cumulative: number;
  target: number | null;
  metric: string;
  level: string | null;
};

describe('read side over GraphQL', () => {
  const api = useTestApi();
  let official: string;
  let analyst: string;
  let last = '0';

  beforeAll(async () => {
    [official, analyst] = await Promise.all([tokenFor('MUNICIPAL_OFFICIAL'), tokenFor('ANALYST')]);
    const write = async (query: string, input: Record<string, unknown>) => {
      const res = await api.graphql<Record<string, { position: string }>>(query, { input }, { token: official });
      expect(res.body.errors).toBeUndefined();
      last = Object.values(res.body.data ?? {})[0]?.position ?? last;
    };
    // three enterprises: two in 滨海新区 (120116), one in 和平区 (120101)
    for (const [n, district] of [
      [1, '120116'],
      [2, '120116'],
      [3, '120101'],
    ] as const) {
      await write(REGISTER, { creditCode: creditCode(n), name: `企业${n}`, district });
      await write(GRANT, { creditCode: creditCode(n), tier: 'TECH_SME', grantedOn: '2026-02-01' });
    }
    await write(GRANT, { creditCode: creditCode(1), tier: 'INNOVATIVE_SME', grantedOn: '2024-05-01' });
  });

  it('reads its own writes with X-Consistency-Position and counts the cohort', async () => {
    const res = await api.graphql<{ cohortProgress: Row[] }>(
      PROGRESS,
      {},
      { token: analyst, headers: { 'x-consistency-position': last } },
    );
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data?.cohortProgress ?? [];
    expect(rows.map((r) => r.tier.tier)).toEqual([
      'TECH_SME',
      'HIGH_TECH',
      'TECH_LEADER',
      'INNOVATIVE_SME',
      'SRDI_SME',
      'LITTLE_GIANT',
      'SINGLE_CHAMPION',
    ]);
    expect(rows[0]).toMatchObject({ metric: 'ACTIVE', target: 15000, current: 3, active: 3, cumulative: 3 });
    expect(rows[3]).toMatchObject({ metric: 'CUMULATIVE', target: 8000, current: 1, active: 1, cumulative: 1 });
    expect(rows[1]).toMatchObject({ target: null, current: 0 });
  });

  it('counts per district and as of a past date', async () => {
    const heping = await api.graphql<{ cohortProgress: Row[] }>(
      PROGRESS,
      { district: '120101' },
      { token: analyst, headers: { 'x-consistency-position': last } },
    );
    expect(heping.body.data?.cohortProgress[0]).toMatchObject({ active: 1 });
    const before = await api.graphql<{ cohortProgress: Row[] }>(PROGRESS, { asOf: '2026-01-31' }, { token: analyst });
    expect(before.body.data?.cohortProgress[0]).toMatchObject({ active: 0, cumulative: 0 });
  });

  it('answers STALE_READ when the read models cannot reach a position in time', async () => {
    // Shifted by 64 bits: as wide as an EventStoreDB (commit, prepare) position, still a well-formed token.
    const far = ((BigInt(last) + 1n) << 64n).toString();
    const res = await api.graphql(PROGRESS, {}, { token: analyst, headers: { 'x-consistency-position': far } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('STALE_READ');
  }, 15000);

  it('refuses a malformed X-Consistency-Position with the field and rule', async () => {
    for (const token of ['12ab', '1'.repeat(40)]) {
      const res = await api.graphql(PROGRESS, {}, { token: analyst, headers: { 'x-consistency-position': token } });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'X-Consistency-Position',
        rule: 'POSITION_FORMAT',
      });
    }
  });

  it('needs a token for analytics', async () => {
    const res = await api.graphql(PROGRESS, {});
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a municipal official set a target and answers with the tier’s progress', async () => {
    const SET = `mutation($input: SetTargetInput!) { setTarget(input: $input) { tier { tier } target metric deadline current } }`;
    const res = await api.graphql<{ setTarget: Row & { deadline: string } }>(
      SET,
      { input: { tier: 'HIGH_TECH', target: 3000, metric: 'ACTIVE', deadline: '2027-12-31' } },
      { token: official },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.setTarget).toMatchObject({
      tier: { tier: 'HIGH_TECH' },
      target: 3000,
      metric: 'ACTIVE',
      deadline: '2027-12-31',
      current: 0,
    });
    const refused = await api.graphql(
      SET,
      { input: { tier: 'HIGH_TECH', target: 1, metric: 'ACTIVE', deadline: '2027-12-31' } },
      { token: analyst },
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const negative = await api.graphql(
      SET,
      { input: { tier: 'HIGH_TECH', target: -1, metric: 'ACTIVE', deadline: '2027-12-31' } },
      { token: official },
    );
    expect(negative.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'target' });
  });

  it('records lapses once: a second sweep writes nothing', async () => {
    const code = creditCode(40);
    await api.graphql(
      REGISTER,
      { input: { creditCode: code, name: '过期企业', district: '120104' } },
      { token: official },
    );
    const granted = await api.graphql<{ grantCertification: { position: string } }>(
      GRANT,
      { input: { creditCode: code, tier: 'TECH_SME', grantedOn: '2025-03-01' } },
      { token: official },
    );
    const SWEEP = `mutation($asOf: Date) { recordLapses(asOf: $asOf) }`;
    // the sweep finds candidates through the read model: let it catch up first
    await api.graphql(
      PROGRESS,
      {},
      { token: analyst, headers: { 'x-consistency-position': granted.body.data?.grantCertification.position ?? '0' } },
    );
    const first = await api.graphql<{ recordLapses: number }>(SWEEP, {}, { token: official });
    expect(first.body.data?.recordLapses).toBeGreaterThanOrEqual(1);
    const history = await api.graphql<{ enterpriseHistory: { type: string; data: { lapsedOn?: string } }[] }>(
      `query($c: String!) { enterpriseHistory(creditCode: $c) { type data } }`,
      { c: code },
      { token: await tokenFor('AUDITOR') },
    );
    expect(history.body.data?.enterpriseHistory.at(-1)).toEqual({
      type: 'CertificationLapsed',
      data: { tier: 'TECH_SME', lapsedOn: '2026-01-01' },
    });
    const second = await api.graphql<{ recordLapses: number }>(SWEEP, {}, { token: official });
    expect(second.body.data?.recordLapses).toBe(0);
    const analystSweep = await api.graphql(SWEEP, {}, { token: analyst });
    expect(analystSweep.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
