import type { CalendarDate } from '../shared/calendar-date';
import type { PolicyVersion } from './policy-types';
import {
  levelsOn,
  parseCertificateNo,
  policyOn,
  termEnd,
  tierEntriesOn,
  tierEntryOn,
  tierPoliciesOn,
  tierPolicyOn,
} from './policy';
import { POLICY_VERSIONS, TIERS } from './tier-policy';

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
      { anyOf: ['INNOVATIVE_SME'], mode: 'STRICT' },
    ]);
    expect(tierPolicyOn('TECH_LEADER', d('2025-06-01')).prerequisites).toEqual([
      { anyOf: ['HIGH_TECH'], mode: 'RECORD' },
    ]);
  });

  it('revision-2026 from 2026-04-01: the group 科技和创新型中小企业 and SRDI_SME on either member', () => {
    expect(policyOn(d('2026-03-31')).id).toBe('plan-2025');
    expect(policyOn(d('2026-04-01')).id).toBe('revision-2026');
    expect(tierEntriesOn(d('2026-03-31')).map((t) => t.tier)).not.toContain('TECH_AND_INNOVATIVE_SME');
    const entries = tierEntriesOn(d('2026-04-01'));
    expect(entries.map((t) => t.tier)).toEqual([...TIERS]);
    expect(entries.at(-1)).toEqual({
      tier: 'TECH_AND_INNOVATIVE_SME',
      ladder: 'SPECIALIZED',
      rung: 1,
      nameZh: '科技和创新型中小企业',
      nameEn: 'Tech-and-innovative SME',
      grantable: false,
      members: ['TECH_SME', 'INNOVATIVE_SME'],
    });
    expect(entries.filter((t) => t.grantable)).toHaveLength(7);
    expect(tierPolicyOn('SRDI_SME', d('2026-03-31')).prerequisites).toEqual([
      { anyOf: ['INNOVATIVE_SME'], mode: 'STRICT' },
    ]);
    expect(tierPolicyOn('SRDI_SME', d('2026-04-01')).prerequisites).toEqual([
      { anyOf: ['TECH_SME', 'INNOVATIVE_SME'], mode: 'STRICT' },
    ]);
    // Each member keeps its own certificate and validity.
    expect(tierPolicyOn('TECH_SME', d('2026-04-01'))).toBe(tierPolicyOn('TECH_SME', d('2026-03-31')));
    expect(() => tierPolicyOn('TECH_AND_INNOVATIVE_SME', d('2026-04-01'))).toThrow(
      expect.objectContaining({ rule: 'TIER_NOT_GRANTABLE', field: 'tier' }),
    );
    // Asked about before it existed, the group is described as its version introduced it.
    expect(tierEntryOn('TECH_AND_INNOVATIVE_SME', d('2025-01-01')).members).toEqual(['TECH_SME', 'INNOVATIVE_SME']);
    expect(levelsOn('TECH_AND_INNOVATIVE_SME', d('2026-04-01'))).toEqual(['MUNICIPAL']);
  });

  it('every version names its source document and says what it changes', () => {
    expect(POLICY_VERSIONS.map((v) => [v.id, v.effectiveFrom])).toEqual([
      ['plan-2025', '2000-01-01'],
      ['revision-2026', '2026-04-01'],
    ]);
    for (const v of POLICY_VERSIONS) {
      expect(v.source).not.toBe('');
      expect(v.summary).not.toBe('');
    }
    expect(POLICY_VERSIONS[1]?.source).toContain('工信部企业〔2026〕2号');
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
