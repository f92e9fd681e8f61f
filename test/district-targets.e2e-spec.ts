import type { DashboardQuery } from '../apps/web/src/api/generated/graphql';
import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

// Result types come from the console's generated operation types (schema.gql), not restated by hand.
type Row = Pick<
  DashboardQuery['cohortProgress'][number],
  | 'target'
  | 'deadline'
  | 'current'
  | 'metric'
  | 'shareOfCity'
  | 'percent'
  | 'remaining'
  | 'requiredMonthlyPace'
  | 'projectedAtDeadline'
  | 'onTrack'
  | 'renewsYearly'
  | 'district'
> & { tier: { tier: string } };

const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { position } }`;
const GRANT = `mutation($input: GrantCertificationInput!) { grantCertification(input: $input) { position } }`;
const ROW = `tier { tier } district { code name } target deadline current metric shareOfCity percent remaining
  requiredMonthlyPace projectedAtDeadline onTrack renewsYearly`;
const PROGRESS = `query($district: String) { cohortProgress(district: $district) { ${ROW} } }`;
const SET = `mutation($input: SetTargetInput!) { setTarget(input: $input) { ${ROW} } }`;

describe('district targets', () => {
  const api = useTestApi();
  let official: string;
  let last = '0';

  const progress = async (district: string | null, tier = 'TECH_SME'): Promise<Row> => {
    const res = await api.graphql<{ cohortProgress: Row[] }>(
      PROGRESS,
      { district },
      { token: official, headers: { 'x-consistency-position': last } },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.cohortProgress.find((r) => r.tier.tier === tier)!;
  };

  beforeAll(async () => {
    official = await tokenFor('MUNICIPAL_OFFICIAL');
    const write = async (query: string, input: Record<string, unknown>) => {
      const res = await api.graphql<Record<string, { position: string }>>(query, { input }, { token: official });
      expect(res.body.errors).toBeUndefined();
      last = Object.values(res.body.data ?? {})[0]?.position ?? last;
    };
    // 科技型 in 2026: two in 滨海新区 (120116), one in 和平区 (120101)
    for (const [n, district] of [
      [1, '120116'],
      [2, '120116'],
      [3, '120101'],
    ] as const) {
      await write(REGISTER, { creditCode: creditCode(n), name: `企业${n}`, district });
      await write(GRANT, { creditCode: creditCode(n), tier: 'TECH_SME', grantedOn: '2026-02-01' });
    }
  });

  it('a district without a target of its own shows its count and its share of the city, never the city’s target', async () => {
    const city = await progress(null);
    expect(city).toMatchObject({ district: null, shareOfCity: null, target: 15000, current: 3 });
    const binhai = await progress('120116');
    expect(binhai).toEqual({
      tier: { tier: 'TECH_SME' },
      district: { code: '120116', name: '滨海新区' },
      target: null,
      deadline: null,
      current: 2,
      metric: 'ACTIVE',
      shareOfCity: 2 / 3,
      percent: null,
      remaining: null,
      requiredMonthlyPace: null,
      projectedAtDeadline: null,
      onTrack: null,
      renewsYearly: true,
    });
  });

  it('a municipal official sets a district’s own target; only that district is measured against it', async () => {
    const res = await api.graphql<{ setTarget: Row }>(
      SET,
      { input: { tier: 'TECH_SME', target: 4, metric: 'ACTIVE', deadline: '2027-12-31', district: '120116' } },
      { token: official },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.setTarget).toMatchObject({
      district: { code: '120116' },
      target: 4,
      current: 2,
      percent: 50,
      remaining: 2,
    });
    last = '0'; // setTarget waited for the read models
    const binhai = await progress('120116');
    expect(binhai).toMatchObject({ target: 4, deadline: '2027-12-31', current: 2, shareOfCity: 2 / 3 });
    expect(typeof binhai.onTrack).toBe('boolean');
    // the other district and the city keep theirs
    expect(await progress('120101')).toMatchObject({ target: null, onTrack: null, current: 1, shareOfCity: 1 / 3 });
    expect(await progress(null)).toMatchObject({ target: 15000, current: 3, district: null });
  });

  it('refuses a target for a district that does not exist, naming the field', async () => {
    const res = await api.graphql(
      SET,
      { input: { tier: 'TECH_SME', target: 4, metric: 'ACTIVE', deadline: '2027-12-31', district: '999999' } },
      { token: official },
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'district',
      rule: 'DISTRICT_UNKNOWN',
    });
  });
});
