import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { position } }`;
const GRANT = `mutation($input: GrantCertificationInput!) { grantCertification(input: $input) { events { eventId } } }`;
const RETRACT = `mutation($input: RetractCertificationInput!) { retractCertification(input: $input) { position } }`;
const HISTORY = `query($code: String!) { enterpriseHistory(creditCode: $code) {
  position version eventId type data recordedAt actor source correlationId causationId commandId metadata } }`;
const AS_OF = `query($code: String!, $on: Date!, $knownAt: DateTime) { enterpriseAsOf(creditCode: $code, on: $on, knownAt: $knownAt) {
  on knownAt enterprise { version certifications { tier state grantedOn } positions { ladder rung } } } }`;

describe('audit replay from the event log', () => {
  const api = useTestApi();
  const code = creditCode(500);
  let official: string;
  let auditor: string;
  let analyst: string;
  let grantEventId: string;
  let beforeRetraction: string;

  beforeAll(async () => {
    [official, auditor, analyst] = await Promise.all([
      tokenFor('MUNICIPAL_OFFICIAL'),
      tokenFor('AUDITOR'),
      tokenFor('ANALYST'),
    ]);
    await api.graphql(
      REGISTER,
      { input: { creditCode: code, name: '审计样本', district: '120104' } },
      { token: official },
    );
    const grant = await api.graphql<{ grantCertification: { events: { eventId: string }[] } }>(
      GRANT,
      { input: { creditCode: code, tier: 'INNOVATIVE_SME', grantedOn: '2025-04-01', commandId: 'audit-grant-1' } },
      { token: official, headers: { 'x-correlation-id': 'audit-batch-7' } },
    );
    grantEventId = grant.body.data?.grantCertification.events[0]?.eventId ?? '';
    await new Promise((r) => setTimeout(r, 20));
    beforeRetraction = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await api.graphql(
      RETRACT,
      { input: { creditCode: code, tier: 'INNOVATIVE_SME', eventId: grantEventId, reason: '录入错误' } },
      { token: official },
    );
  });

  it('gives auditors every event with its metadata, oldest first', async () => {
    const res = await api.graphql<{ enterpriseHistory: Record<string, unknown>[] }>(
      HISTORY,
      { code },
      { token: auditor },
    );
    const events = res.body.data?.enterpriseHistory ?? [];
    expect(events.map((e) => e.type)).toEqual([
      'EnterpriseRegistered',
      'CertificationGranted',
      'CertificationRetracted',
    ]);
    expect(events.map((e) => e.version)).toEqual([0, 1, 2]);
    expect(events[1]).toMatchObject({
      eventId: grantEventId,
      actor: 'municipal_official-1',
      source: 'GRAPHQL',
      commandId: 'audit-grant-1',
      correlationId: 'audit-batch-7',
      causationId: 'audit-grant-1',
      data: expect.objectContaining({ tier: 'INNOVATIVE_SME', grantedOn: '2025-04-01' }),
    });
    expect(BigInt(events[2]?.position as string)).toBeGreaterThan(BigInt(events[1]?.position as string));
  });

  it("shows one recording time, the store's, in recordedAt and in the metadata alike (the service's clock is fixed)", async () => {
    const res = await api.graphql<{ enterpriseHistory: { recordedAt: string; metadata: { recordedAt: string } }[] }>(
      HISTORY,
      { code },
      { token: auditor },
    );
    const events = res.body.data?.enterpriseHistory ?? [];
    expect(events).toHaveLength(3);
    for (const e of events) expect(e.metadata.recordedAt).toBe(e.recordedAt);
  });

  it('keeps the raw history from analysts', async () => {
    const res = await api.graphql(HISTORY, { code }, { token: analyst });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows the state as of a date, with or without what was recorded later', async () => {
    const known = await api.graphql<{
      enterpriseAsOf: { enterprise: { version: number; certifications: { state: string }[] } };
    }>(AS_OF, { code, on: '2025-06-30', knownAt: beforeRetraction }, { token: analyst });
    // what the system knew before the correction: the grant stood and counted on 2025-06-30
    expect(known.body.data?.enterpriseAsOf.enterprise).toMatchObject({
      version: 1,
      certifications: [{ state: 'ACTIVE' }],
    });
    const now = await api.graphql<{
      enterpriseAsOf: { enterprise: { certifications: { state: string }[]; positions: unknown[] } };
    }>(AS_OF, { code, on: '2025-06-30' }, { token: analyst });
    expect(now.body.data?.enterpriseAsOf.enterprise.certifications).toEqual([
      expect.objectContaining({ state: 'RETRACTED' }),
    ]);
    expect(now.body.data?.enterpriseAsOf.enterprise.positions).toContainEqual({ ladder: 'SPECIALIZED', rung: 0 });
    const before = await api.graphql<{ enterpriseAsOf: { enterprise: { certifications: unknown[] } } }>(
      AS_OF,
      { code, on: '2025-03-31', knownAt: beforeRetraction },
      { token: analyst },
    );
    expect(before.body.data?.enterpriseAsOf.enterprise.certifications).toEqual([]);
  });
});
