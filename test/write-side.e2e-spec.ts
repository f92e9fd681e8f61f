import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

const BINHAI = '120116';
const HEPING = '120101';

const RESULT = `enterprise { creditCode name district { code } version deregisteredOn
  certifications { tier level state grantedOn validUntil endedOn eventId } positions { ladder tier rung } }
  events { type version eventId position actor source commandId correlationId causationId data }
  position`;

const mutations = {
  register: `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { ${RESULT} } }`,
  rename: `mutation($input: RenameEnterpriseInput!) { renameEnterprise(input: $input) { ${RESULT} } }`,
  relocate: `mutation($input: RelocateEnterpriseInput!) { relocateEnterprise(input: $input) { ${RESULT} } }`,
  deregister: `mutation($input: DeregisterEnterpriseInput!) { deregisterEnterprise(input: $input) { ${RESULT} } }`,
  grant: `mutation($input: GrantCertificationInput!) { grantCertification(input: $input) { ${RESULT} } }`,
  renew: `mutation($input: RenewCertificationInput!) { renewCertification(input: $input) { ${RESULT} } }`,
  revoke: `mutation($input: RevokeCertificationInput!) { revokeCertification(input: $input) { ${RESULT} } }`,
  retract: `mutation($input: RetractCertificationInput!) { retractCertification(input: $input) { ${RESULT} } }`,
};

type Result = {
  enterprise: {
    version: number;
    name: string;
    district: { code: string };
    deregisteredOn: string | null;
    certifications: { tier: string; state: string; eventId: string; validUntil: string; endedOn: string | null }[];
    positions: { ladder: string; tier: string | null; rung: number }[];
  };
  events: {
    type: string;
    version: number;
    eventId: string;
    actor: string;
    source: string;
    commandId: string;
    correlationId: string;
    causationId: string;
    position: string;
    data: Record<string, unknown>;
  }[];
  position: string;
};

describe('write side over GraphQL', () => {
  const api = useTestApi();
  let binhai: string;
  let heping: string;
  let municipal: string;
  let analyst: string;
  let auditor: string;

  beforeAll(async () => {
    [binhai, heping, municipal, analyst, auditor] = await Promise.all([
      tokenFor('DISTRICT_OFFICIAL', BINHAI),
      tokenFor('DISTRICT_OFFICIAL', HEPING),
      tokenFor('MUNICIPAL_OFFICIAL'),
      tokenFor('ANALYST'),
      tokenFor('AUDITOR'),
    ]);
  });

  async function send(
    name: keyof typeof mutations,
    input: Record<string, unknown>,
    token: string | undefined,
    headers?: Record<string, string>,
  ) {
    const res = await api.graphql<Record<string, Result>>(mutations[name], { input }, { token, headers });
    const field = Object.keys(res.body.data ?? {})[0];
    return {
      result: field ? (res.body.data?.[field] as Result | null) : null,
      error: res.body.errors?.[0],
      status: res.status,
    };
  }

  async function registered(n: number, district = BINHAI, token = binhai): Promise<string> {
    const code = creditCode(n);
    const { error } = await send('register', { creditCode: code, name: `企业${n}`, district }, token);
    expect(error).toBeUndefined();
    return code;
  }

  describe('registerEnterprise', () => {
    it('registers in the official’s own district and returns the enterprise, its event and its position', async () => {
      const code = creditCode(1);
      const { result } = await send(
        'register',
        { creditCode: ` ${code.toLowerCase()} `, name: '天津滨海科技有限公司', district: BINHAI },
        binhai,
        {
          'x-correlation-id': 'corr-42',
        },
      );
      expect(result?.enterprise).toMatchObject({
        creditCode: code,
        name: '天津滨海科技有限公司',
        district: { code: BINHAI },
        version: 0,
      });
      expect(result?.events).toHaveLength(1);
      expect(result?.events[0]).toMatchObject({
        type: 'EnterpriseRegistered',
        version: 0,
        actor: 'district_official-1',
        source: 'GRAPHQL',
        correlationId: 'corr-42',
      });
      expect(result?.events[0]?.causationId).toBe(result?.events[0]?.commandId);
      expect(result?.position).toBe(result?.events[0]?.position);
    });

    it('is UNAUTHENTICATED without a token, and with a forged one', async () => {
      const input = { creditCode: creditCode(2), name: 'x', district: BINHAI };
      expect((await send('register', input, undefined)).error?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await send('register', input, `${binhai}x`)).error?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('is FORBIDDEN for analysts, auditors, and a district official registering in another district', async () => {
      const input = { creditCode: creditCode(3), name: 'x', district: HEPING };
      for (const token of [analyst, auditor, binhai]) {
        expect((await send('register', input, token)).error?.extensions?.code).toBe('FORBIDDEN');
      }
      expect((await send('register', input, municipal)).error).toBeUndefined();
    });

    it('names the field and the rule of bad input, and writes nothing', async () => {
      const bad = await send('register', { creditCode: '91110000710925462Y', name: 'x', district: BINHAI }, binhai);
      expect(bad.error?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'creditCode',
        rule: 'CREDIT_CODE_CHECK',
      });
      const long = await send(
        'register',
        { creditCode: creditCode(4), name: 'x'.repeat(201), district: BINHAI },
        binhai,
      );
      expect(long.error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      const district = await send('register', { creditCode: creditCode(4), name: 'x', district: '999999' }, municipal);
      expect(district.error?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'district',
        rule: 'DISTRICT_UNKNOWN',
      });
      // nothing was written: the code can still be registered
      expect(
        (await send('register', { creditCode: creditCode(4), name: 'x', district: BINHAI }, binhai)).error,
      ).toBeUndefined();
    });

    it('is a CONFLICT to register an existing code', async () => {
      const code = await registered(5);
      const again = await send('register', { creditCode: code, name: 'y', district: BINHAI }, binhai);
      expect(again.error?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ENTERPRISE_ALREADY_REGISTERED' });
    });
  });

  describe('certifications', () => {
    it('grants with the policy’s default validity, renews, revokes and retracts', async () => {
      const code = await registered(10);
      const grant = await send(
        'grant',
        { creditCode: code, tier: 'HIGH_TECH', grantedOn: '2023-11-06', certificateNo: 'GR202312000273' },
        binhai,
      );
      expect(grant.error).toBeUndefined();
      expect(grant.result?.enterprise.certifications).toEqual([
        // it ran 2023-11-06 .. 2026-11-05 and so has lapsed by today (2026-11-27), sweep or not
        expect.objectContaining({
          tier: 'HIGH_TECH',
          state: 'LAPSED',
          validUntil: '2026-11-05',
          endedOn: '2026-11-06',
        }),
      ]);
      // HIGH_TECH lapsed on 2026-11-06 (no sweep yet): renewal must be of a grant active on renewedOn
      const late = await send('renew', { creditCode: code, tier: 'HIGH_TECH', renewedOn: '2026-11-20' }, binhai);
      expect(late.error?.extensions).toMatchObject({
        code: 'RULE_VIOLATION',
        rule: 'NO_ACTIVE_GRANT',
        field: 'renewedOn',
      });
      const renew = await send('renew', { creditCode: code, tier: 'HIGH_TECH', renewedOn: '2026-10-01' }, binhai);
      expect(renew.error).toBeUndefined();
      expect(renew.result?.enterprise.certifications[0]).toMatchObject({ state: 'RENEWED', validUntil: '2029-11-05' });
      expect(renew.result?.enterprise.positions).toContainEqual({ ladder: 'TECH', tier: 'HIGH_TECH', rung: 2 });

      const revoke = await send(
        'revoke',
        { creditCode: code, tier: 'HIGH_TECH', revokedOn: '2026-10-15', reason: 'FAILED_REVIEW' },
        binhai,
      );
      expect(revoke.result?.enterprise.certifications[0]).toMatchObject({ state: 'REVOKED', endedOn: '2026-10-15' });

      const grantEventId = grant.result?.events[0]?.eventId;
      const retract = await send(
        'retract',
        { creditCode: code, tier: 'HIGH_TECH', eventId: grantEventId, reason: '录入错误' },
        binhai,
      );
      expect(retract.error).toBeUndefined();
      expect(retract.result?.enterprise.certifications[0]).toMatchObject({ state: 'RETRACTED' });
      expect(retract.result?.events.map((e) => e.type)).toEqual(['CertificationRetracted']);
    });

    it('refuses a second active grant of a tier (CONFLICT), a missing strict prerequisite (RULE_VIOLATION), a future date and an unknown enterprise', async () => {
      const code = await registered(11);
      expect(
        (await send('grant', { creditCode: code, tier: 'TECH_SME', grantedOn: '2026-03-01' }, binhai)).error,
      ).toBeUndefined();
      const twice = await send('grant', { creditCode: code, tier: 'TECH_SME', grantedOn: '2026-04-01' }, binhai);
      expect(twice.error?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'TIER_ALREADY_ACTIVE', field: 'tier' });
      // TECH_SME satisfies SRDI_SME only from 2026-04-01 (revision-2026).
      const srdi = await send('grant', { creditCode: code, tier: 'SRDI_SME', grantedOn: '2026-03-31' }, binhai);
      expect(srdi.error?.extensions).toMatchObject({
        code: 'RULE_VIOLATION',
        rule: 'PREREQUISITE_MISSING',
        field: 'tier',
      });
      const future = await send('grant', { creditCode: code, tier: 'INNOVATIVE_SME', grantedOn: '2099-01-01' }, binhai);
      expect(future.error?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        rule: 'EFFECTIVE_DATE_IN_FUTURE',
        field: 'grantedOn',
      });
      const badDate = await send(
        'grant',
        { creditCode: code, tier: 'INNOVATIVE_SME', grantedOn: '2026-02-30' },
        binhai,
      );
      expect(badDate.error?.extensions?.code).toBe('BAD_USER_INPUT');
      const missing = await send(
        'grant',
        { creditCode: creditCode(999), tier: 'TECH_SME', grantedOn: '2026-03-01' },
        binhai,
      );
      expect(missing.error?.extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'ENTERPRISE_NOT_FOUND' });
    });

    it('lets only the district where the enterprise is located act on it', async () => {
      const code = await registered(12);
      const other = await send('grant', { creditCode: code, tier: 'TECH_SME', grantedOn: '2026-03-01' }, heping);
      expect(other.error?.extensions?.code).toBe('FORBIDDEN');
      expect(
        (await send('grant', { creditCode: code, tier: 'TECH_SME', grantedOn: '2026-03-01' }, analyst)).error
          ?.extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        (await send('grant', { creditCode: code, tier: 'TECH_SME', grantedOn: '2026-03-01' }, municipal)).error,
      ).toBeUndefined();
    });
  });

  describe('revision-2026 and history out of order', () => {
    it('accepts SRDI_SME on TECH_SME alone from 2026-04-01 and refuses a grant of the group', async () => {
      const code = await registered(40);
      await send('grant', { creditCode: code, tier: 'TECH_SME', grantedOn: '2026-03-01' }, binhai);
      const srdi = await send('grant', { creditCode: code, tier: 'SRDI_SME', grantedOn: '2026-04-01' }, binhai);
      expect(srdi.error).toBeUndefined();
      expect(srdi.result?.events[0]?.data).toMatchObject({ tier: 'SRDI_SME', grantedOn: '2026-04-01' });
      const group = await send(
        'grant',
        { creditCode: code, tier: 'TECH_AND_INNOVATIVE_SME', grantedOn: '2026-05-01' },
        binhai,
      );
      expect(group.error?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        rule: 'TIER_NOT_GRANTABLE',
        field: 'tier',
      });
      expect(group.error?.message).toContain('held through TECH_SME or INNOVATIVE_SME');
    });

    it('loads last year’s grant after this year’s, and refuses an overlap naming the grant it meets', async () => {
      const code = await registered(41);
      const thisYear = await send('grant', { creditCode: code, tier: 'HIGH_TECH', grantedOn: '2025-06-01' }, binhai);
      const older = await send(
        'grant',
        { creditCode: code, tier: 'HIGH_TECH', grantedOn: '2022-05-01', validUntil: '2025-04-30' },
        binhai,
      );
      expect(older.error).toBeUndefined();
      // Shown by effective date, whatever the recording order.
      expect(older.result?.enterprise.certifications.map((c) => [c.validUntil, c.state])).toEqual([
        ['2025-04-30', 'LAPSED'],
        ['2028-05-31', 'ACTIVE'],
      ]);
      const overlap = await send('grant', { creditCode: code, tier: 'HIGH_TECH', grantedOn: '2022-06-01' }, binhai);
      const overlapped = older.result?.events[0]?.eventId;
      expect(overlap.error?.extensions).toMatchObject({
        code: 'CONFLICT',
        rule: 'TIER_ALREADY_ACTIVE',
        overlappingEventId: overlapped,
        overlappingGrantedOn: '2022-05-01',
        overlappingCountsThrough: '2025-04-30',
      });
      const into = await send('grant', { creditCode: code, tier: 'HIGH_TECH', grantedOn: '2019-06-01' }, binhai);
      expect(into.error?.extensions).toMatchObject({
        code: 'CONFLICT',
        rule: 'GRANT_OVERLAPS',
        field: 'grantedOn',
        overlappingEventId: overlapped,
      });
      expect(into.error?.message).toContain(`grant ${overlapped} (2022-05-01 – 2025-04-30)`);
      expect(thisYear.result?.enterprise.version).toBe(1);
    });

    it('refuses dates before 2000 and control characters in names; a rename to the same name writes nothing', async () => {
      const code = await registered(42);
      const typo = await send('grant', { creditCode: code, tier: 'TECH_SME', grantedOn: '1025-03-01' }, binhai);
      expect(typo.error?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        rule: 'DATE_BEFORE_2000',
        field: 'grantedOn',
      });
      const tab = await send('register', { creditCode: creditCode(43), name: '天津\t科技', district: BINHAI }, binhai);
      expect(tab.error?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        rule: 'NAME_CONTROL_CHARACTER',
        field: 'name',
      });
      const same = await send('rename', { creditCode: code, name: ' 企业42 ', effectiveOn: '2026-05-01' }, binhai);
      expect(same.error).toBeUndefined();
      expect(same.result?.events).toEqual([]);
      expect(same.result?.enterprise.version).toBe(0);
      const history = await api.graphql<{ enterpriseHistory: unknown[] }>(
        `query($c: String!) { enterpriseHistory(creditCode: $c) { type } }`,
        { c: code },
        { token: auditor },
      );
      expect(history.body.data?.enterpriseHistory).toEqual([{ type: 'EnterpriseRegistered' }]);
    });
  });

  describe('rename, relocate and deregister', () => {
    it('relocates out of the district, after which the old district may no longer act and the new one may', async () => {
      const code = await registered(20);
      const renamed = await send(
        'rename',
        { creditCode: code, name: '新名称有限公司', effectiveOn: '2025-01-01' },
        binhai,
      );
      expect(renamed.result?.enterprise.name).toBe('新名称有限公司');
      const moved = await send('relocate', { creditCode: code, toDistrict: HEPING, effectiveOn: '2025-06-01' }, binhai);
      expect(moved.result?.enterprise.district.code).toBe(HEPING);
      expect(
        (await send('rename', { creditCode: code, name: 'x', effectiveOn: '2025-07-01' }, binhai)).error?.extensions
          ?.code,
      ).toBe('FORBIDDEN');
      const same = await send('relocate', { creditCode: code, toDistrict: HEPING, effectiveOn: '2025-08-01' }, heping);
      expect(same.error?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'RELOCATION_SAME_DISTRICT' });
      const gone = await send('deregister', { creditCode: code, effectiveOn: '2025-09-01', reason: '注销' }, heping);
      expect(gone.result?.enterprise.deregisteredOn).toBe('2025-09-01');
      const after = await send('grant', { creditCode: code, tier: 'TECH_SME', grantedOn: '2025-10-01' }, heping);
      expect(after.error?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ENTERPRISE_DEREGISTERED' });
    });
  });

  describe('commandId and expectedVersion', () => {
    it('answers a repeated commandId with the first result and writes nothing', async () => {
      const code = await registered(30);
      const input = { creditCode: code, tier: 'TECH_SME', grantedOn: '2026-02-01', commandId: 'grant-30-a' };
      const first = await send('grant', input, binhai);
      const again = await send('grant', input, binhai);
      expect(first.result?.events).toHaveLength(1);
      expect(again.error).toBeUndefined();
      expect(again.result?.events).toEqual([]);
      expect(again.result?.position).toBe(first.result?.position);
      expect(again.result?.enterprise.version).toBe(first.result?.enterprise.version);
      const next = await send('rename', { creditCode: code, name: 'n', effectiveOn: '2026-03-01' }, binhai);
      expect(next.result?.enterprise.version).toBe((first.result?.enterprise.version ?? 0) + 1);
    });

    it('renews a term once: the same commandId (also at once) answers the first renewal, another is RENEWAL_NOT_DUE', async () => {
      const code = await registered(33);
      await send('grant', { creditCode: code, tier: 'INNOVATIVE_SME', grantedOn: '2024-03-01' }, binhai);
      const input = { creditCode: code, tier: 'INNOVATIVE_SME', renewedOn: '2026-11-20', commandId: 'renew-33-a' };
      const [first, twin] = await Promise.all([send('renew', input, binhai), send('renew', input, binhai)]);
      const written = [first, twin].find((o) => o.result?.events.length === 1);
      expect(written?.result?.enterprise.certifications[0]).toMatchObject({ validUntil: '2030-02-28' });
      const again = await send('renew', input, binhai);
      for (const o of [first, twin, again]) {
        expect(o.error).toBeUndefined();
        expect(o.result?.position).toBe(written?.result?.position);
        expect(o.result?.enterprise.certifications[0]).toMatchObject({ validUntil: '2030-02-28' });
      }
      const stacked = await send('renew', { ...input, commandId: 'renew-33-b', renewedOn: '2026-11-21' }, binhai);
      expect(stacked.error?.extensions).toMatchObject({
        code: 'CONFLICT',
        rule: 'RENEWAL_NOT_DUE',
        field: 'renewedOn',
        dueFrom: '2029-03-01',
        renewalEventId: written?.result?.events[0]?.eventId,
      });
    });

    it('is a CONFLICT when expectedVersion is stale, and writes nothing', async () => {
      const code = await registered(31);
      const ok = await send(
        'rename',
        { creditCode: code, name: 'a', effectiveOn: '2026-01-01', expectedVersion: 0 },
        binhai,
      );
      expect(ok.result?.enterprise.version).toBe(1);
      const stale = await send(
        'rename',
        { creditCode: code, name: 'b', effectiveOn: '2026-01-02', expectedVersion: 0 },
        binhai,
      );
      expect(stale.error?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
      const check = await send(
        'rename',
        { creditCode: code, name: 'c', effectiveOn: '2026-01-03', expectedVersion: 1 },
        binhai,
      );
      expect(check.result?.enterprise).toMatchObject({ version: 2, name: 'c' });
    });

    it('turns 100 concurrent grants of one tier into exactly one CertificationGranted', async () => {
      const code = await registered(32);
      const outcomes = await Promise.all(
        Array.from({ length: 100 }, () =>
          send('grant', { creditCode: code, tier: 'TECH_SME', grantedOn: '2026-05-01' }, binhai),
        ),
      );
      const granted = outcomes.filter((o) => o.result?.events.some((e) => e.type === 'CertificationGranted'));
      expect(granted).toHaveLength(1);
      expect(outcomes.filter((o) => o.error?.extensions?.code === 'CONFLICT')).toHaveLength(99);
      const after = await send('rename', { creditCode: code, name: 'after', effectiveOn: '2026-05-02' }, binhai);
      expect(after.result?.enterprise.version).toBe(2); // registered, one grant, this rename
    });
  });
});
