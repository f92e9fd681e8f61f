import type { CalendarDate } from '../shared/calendar-date';
import type { PolicyVersion } from './policy-types';
import { parseCertificateNo, policyOn, termEnd, tierPoliciesOn, tierPolicyOn } from './policy';
import { POLICY_VERSIONS } from './tier-policy';

const d = (s: string) => s as CalendarDate;

describe('tier policy', () => {
  it('describes the seven tiers on two ladders', () => {
    const tiers = tierPoliciesOn(d('2025-06-01'));
    expect(tiers.map((t) => `${t.ladder}:${t.rung}:${t.tier}`)).toEqual([
      'TECH:1:TECH_SME',
      'TECH:2:HIGH_TECH',
      'TECH:3:TECH_LEADER',
      'SPECIALIZED:1:INNOVATIVE_SME',
      'SPECIALIZED:2:SRDI_SME',
      'SPECIALIZED:3:LITTLE_GIANT',
      'SPECIALIZED:4:SINGLE_CHAMPION',
    ]);
    expect(tierPolicyOn('SRDI_SME', d('2025-06-01')).prerequisites).toEqual([
      { tier: 'INNOVATIVE_SME', mode: 'STRICT' },
    ]);
    expect(tierPolicyOn('TECH_LEADER', d('2025-06-01')).prerequisites).toEqual([{ tier: 'HIGH_TECH', mode: 'RECORD' }]);
  });

  it('picks the version in force on the effective date', () => {
    const first = POLICY_VERSIONS[0] as PolicyVersion;
    const next: PolicyVersion = { ...first, id: 'revision-2026', effectiveFrom: d('2026-04-01') };
    const versions = [first, next];
    expect(policyOn(d('2026-03-31'), versions).id).toBe(first.id);
    expect(policyOn(d('2026-04-01'), versions).id).toBe('revision-2026');
    expect(policyOn(d('1999-01-01'), versions).id).toBe(first.id);
  });

  it('computes default validity: end of grant year for TECH_SME, 3 years − 1 day otherwise', () => {
    expect(termEnd(tierPolicyOn('TECH_SME', d('2025-03-10')).defaultValidity, d('2025-03-10'))).toBe('2025-12-31');
    expect(termEnd(tierPolicyOn('HIGH_TECH', d('2023-11-06')).defaultValidity, d('2023-11-06'))).toBe('2026-11-05');
    expect(termEnd({ kind: 'YEARS', years: 3 }, d('2025-03-01'))).toBe('2028-02-29');
    expect(termEnd({ kind: 'YEARS', years: 3 }, d('2024-02-29'))).toBe('2027-02-28');
  });

  it('checks the 高新 certificate number format and caps free text at 64', () => {
    const highTech = tierPolicyOn('HIGH_TECH', d('2025-01-01'));
    expect(parseCertificateNo(highTech, ' GR202312000273 ')).toBe('GR202312000273');
    expect(() => parseCertificateNo(highTech, 'GR20231200027')).toThrow(
      expect.objectContaining({ rule: 'CERTIFICATE_NO_FORMAT', field: 'certificateNo' }),
    );
    const sme = tierPolicyOn('INNOVATIVE_SME', d('2025-01-01'));
    expect(parseCertificateNo(sme, 'x'.repeat(64))).toHaveLength(64);
    expect(() => parseCertificateNo(sme, 'x'.repeat(65))).toThrow(
      expect.objectContaining({ rule: 'CERTIFICATE_NO_FORMAT' }),
    );
    expect(parseCertificateNo(sme, '  ')).toBeUndefined();
  });
});
