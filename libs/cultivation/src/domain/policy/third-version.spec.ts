// A later revision is one more entry in the policy list, nothing else: this spec injects a version
// that exists only here (a merged standard from 2027-01-01) and the decider judges by it.
import { deciderSpec } from '@cl/testing';
import { InvalidInput, RuleViolation } from '../errors';
import { enterpriseDecider } from '../enterprise/decide';
import { d, grant, granted, registered } from '../spec-fixtures';
import { policyOn, tierEntriesOn, tierPolicyOn } from './policy';
import type { PolicyVersion } from './policy-types';
import { POLICY_VERSIONS } from './tier-policy';

const revision2026 = POLICY_VERSIONS.at(-1)!;
const merged: PolicyVersion = {
  id: 'test-merged-standard',
  effectiveFrom: d('2027-01-01'),
  source: 'test only',
  summary: 'TECH_SME runs 3 years; SRDI_SME needs INNOVATIVE_SME again; TECH_LEADER needs HIGH_TECH (STRICT)',
  tiers: {
    ...revision2026.tiers,
    TECH_SME: {
      ...revision2026.tiers.TECH_SME!,
      defaultValidity: { kind: 'YEARS', years: 3 },
      maxValidity: { kind: 'YEARS', years: 3 },
    },
    SRDI_SME: { ...revision2026.tiers.SRDI_SME!, prerequisites: [{ anyOf: ['INNOVATIVE_SME'], mode: 'STRICT' }] },
    TECH_LEADER: { ...revision2026.tiers.TECH_LEADER!, prerequisites: [{ anyOf: ['HIGH_TECH'], mode: 'STRICT' }] },
  },
  groups: revision2026.groups,
};
const policy = [...POLICY_VERSIONS, merged];
const spec = deciderSpec(enterpriseDecider, { today: d('2027-06-30'), policy });
const reg = registered();

describe('a third policy version, injected', () => {
  it('is found by date like the shipped ones', () => {
    expect(policyOn(d('2026-12-31'), policy).id).toBe('revision-2026');
    expect(policyOn(d('2027-01-01'), policy).id).toBe('test-merged-standard');
    expect(tierPolicyOn('TECH_SME', d('2027-01-01'), policy).defaultValidity).toEqual({ kind: 'YEARS', years: 3 });
    expect(tierEntriesOn(d('2027-01-01'), policy).map((t) => t.tier)).toContain('TECH_AND_INNOVATIVE_SME');
  });
  it('judges validity by the version in force on grantedOn', () => {
    spec
      .given([reg])
      .when(grant('TECH_SME', '2026-12-30'))
      .then([granted('TECH_SME', '2026-12-30', '2026-12-31')]);
    spec
      .given([reg])
      .when(grant('TECH_SME', '2027-01-01'))
      .then([granted('TECH_SME', '2027-01-01', '2029-12-31')]);
  });
  it('judges prerequisites by the version in force on grantedOn', () => {
    const withTechSme = spec.given([reg, granted('TECH_SME', '2026-06-01', '2026-12-31')]);
    withTechSme.when(grant('SRDI_SME', '2026-12-31')).then([granted('SRDI_SME', '2026-12-31', '2029-12-30')]);
    const later = spec.given([reg, granted('TECH_SME', '2027-01-01', '2029-12-31')]);
    later.when(grant('SRDI_SME', '2027-01-02')).thenThrows(RuleViolation, { rule: 'PREREQUISITE_MISSING' });
    spec
      .given([reg])
      .when(grant('TECH_LEADER', '2027-01-01'))
      .thenThrows(RuleViolation, { rule: 'PREREQUISITE_MISSING', field: 'tier' });
    spec
      .given([reg])
      .when(grant('TECH_AND_INNOVATIVE_SME', '2027-01-01'))
      .thenThrows(InvalidInput, { rule: 'TIER_NOT_GRANTABLE' });
  });
  it('leaves the shipped list as it is (without injection the 2026 rules go on)', () => {
    deciderSpec(enterpriseDecider, { today: d('2027-06-30') })
      .given([reg])
      .when(grant('TECH_SME', '2027-01-01'))
      .then([granted('TECH_SME', '2027-01-01', '2027-12-31')]);
  });
});
