import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

// A district official retracts a grant and a renewal knowing only what `enterprise` shows: the event ids
// come from certifications { eventId renewals { eventId } }, never from the audit history.
const BINHAI = '120116';
const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { position } }`;
const GRANT = `mutation($input: GrantCertificationInput!) { grantCertification(input: $input) { position } }`;
const RENEW = `mutation($input: RenewCertificationInput!) { renewCertification(input: $input) { position } }`;
const RETRACT = `mutation($input: RetractCertificationInput!) { retractCertification(input: $input) { position } }`;
const ENTERPRISE = `query($code: String!) { enterprise(creditCode: $code) {
  certifications { eventId tier state validUntil certificateNo
    renewals { eventId renewedOn validUntil certificateNo } } } }`;

type Certification = {
  eventId: string;
  tier: string;
  state: string;
  validUntil: string;
  certificateNo: string | null;
  renewals: { eventId: string; renewedOn: string; validUntil: string; certificateNo: string | null }[];
};

describe('retracting by the ids the enterprise query shows', () => {
  const api = useTestApi();
  const code = creditCode(4242);
  let official: string;
  let last = '0';
  let grantedUntil = '';

  const write = async (query: string, input: Record<string, unknown>) => {
    const res = await api.graphql<Record<string, { position: string }>>(query, { input }, { token: official });
    expect(res.body.errors).toBeUndefined();
    last = Object.values(res.body.data ?? {})[0]!.position;
  };
  const certifications = async (): Promise<Certification[]> => {
    const res = await api.graphql<{ enterprise: { certifications: Certification[] } }>(
      ENTERPRISE,
      { code },
      { token: official, headers: { 'x-consistency-position': last } },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.enterprise.certifications;
  };

  beforeAll(async () => {
    official = await tokenFor('DISTRICT_OFFICIAL', BINHAI);
    await write(REGISTER, { creditCode: code, name: '滨海测试企业', district: BINHAI });
    await write(GRANT, {
      creditCode: code,
      tier: 'HIGH_TECH',
      grantedOn: '2024-03-01',
      certificateNo: 'GR202412000001',
    });
    await write(GRANT, { creditCode: code, tier: 'TECH_SME', grantedOn: '2026-03-01' });
    grantedUntil = (await certifications())[0]!.validUntil;
    await write(RENEW, {
      creditCode: code,
      tier: 'HIGH_TECH',
      renewedOn: '2026-11-01',
      certificateNo: 'GR202612000002',
    });
  });

  it('shows each grant with its event id and its renewals with theirs, oldest first', async () => {
    const [highTech, techSme] = await certifications();
    expect(highTech).toMatchObject({ tier: 'HIGH_TECH', state: 'RENEWED', certificateNo: 'GR202612000002' });
    expect(highTech!.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(highTech!.renewals).toEqual([
      {
        eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        renewedOn: '2026-11-01',
        validUntil: highTech!.validUntil,
        certificateNo: 'GR202612000002',
      },
    ]);
    expect(highTech!.validUntil > grantedUntil).toBe(true);
    expect(new Set([highTech!.eventId, highTech!.renewals[0]!.eventId, techSme!.eventId]).size).toBe(3);
    expect(techSme).toMatchObject({ tier: 'TECH_SME', state: 'ACTIVE', renewals: [] });
  });

  it('retracts the renewal by its id: the grant is back to its own validity and number', async () => {
    const [highTech] = await certifications();
    await write(RETRACT, {
      creditCode: code,
      tier: 'HIGH_TECH',
      eventId: highTech!.renewals[0]!.eventId,
      reason: '续期录入错误',
    });
    const [after] = await certifications();
    expect(after).toMatchObject({
      eventId: highTech!.eventId,
      state: 'ACTIVE',
      certificateNo: 'GR202412000001',
      validUntil: grantedUntil,
      renewals: [],
    });
  });

  it('retracts a grant by its id: it shows as RETRACTED and the other grant is untouched', async () => {
    const [, techSme] = await certifications();
    await write(RETRACT, { creditCode: code, tier: 'TECH_SME', eventId: techSme!.eventId, reason: '重复录入' });
    const after = await certifications();
    expect(after.map((c) => [c.tier, c.state])).toEqual([
      ['HIGH_TECH', 'ACTIVE'],
      ['TECH_SME', 'RETRACTED'],
    ]);
  });
});
