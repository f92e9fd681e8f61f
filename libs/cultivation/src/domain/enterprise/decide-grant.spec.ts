import { deciderSpec } from '@cl/testing';
import { Conflict, InvalidInput, RuleViolation } from '../errors';
import { d, grant, granted, lapsed, registered, retracted, revoked } from '../spec-fixtures';
import { enterpriseDecider } from './decide';

const spec = deciderSpec(enterpriseDecider, { today: d('2025-06-30') });
const reg = registered();

describe('GrantCertification', () => {
  it('takes level and validUntil from the policy when absent', () => {
    spec
      .given([reg])
      .when(grant('TECH_SME', '2025-03-10'))
      .then([granted('TECH_SME', '2025-03-10', '2025-12-31')]);
    spec
      .given([reg])
      .when(grant('HIGH_TECH', '2023-11-06', { certificateNo: 'GR202312000273', batch: '2023-2' }))
      .then([
        {
          type: 'CertificationGranted',
          data: {
            tier: 'HIGH_TECH',
            level: 'MUNICIPAL',
            certificateNo: 'GR202312000273',
            grantedOn: d('2023-11-06'),
            validUntil: d('2026-11-05'),
            batch: '2023-2',
            skippedPrerequisites: [],
          },
        },
      ]);
  });

  it('refuses a level the tier is not certified at', () => {
    spec
      .given([reg])
      .when(grant('HIGH_TECH', '2025-01-01', { level: 'DISTRICT' }))
      .thenThrows(InvalidInput, { rule: 'LEVEL_NOT_ALLOWED', field: 'level' });
  });
  it('refuses a malformed 高新 certificate number', () => {
    spec
      .given([reg])
      .when(grant('HIGH_TECH', '2025-01-01', { certificateNo: 'GR2023' }))
      .thenThrows(InvalidInput, { rule: 'CERTIFICATE_NO_FORMAT', field: 'certificateNo' });
  });
  it('refuses an unknown tier', () => {
    spec
      .given([reg])
      .when(grant('NOPE' as never, '2025-01-01'))
      .thenThrows(InvalidInput, { rule: 'TIER_UNKNOWN', field: 'tier' });
  });
  it('refuses an impossible or future grant date', () => {
    spec
      .given([reg])
      .when(grant('HIGH_TECH', '2025-02-30'))
      .thenThrows(InvalidInput, { rule: 'DATE_FORMAT', field: 'grantedOn' });
    spec
      .given([reg])
      .when(grant('HIGH_TECH', '2025-07-01'))
      .thenThrows(InvalidInput, { rule: 'EFFECTIVE_DATE_IN_FUTURE', field: 'grantedOn' });
  });
  it('refuses validUntil not after the grant date', () => {
    spec
      .given([reg])
      .when(grant('HIGH_TECH', '2025-01-01', { validUntil: '2025-01-01' }))
      .thenThrows(InvalidInput, { rule: 'VALID_UNTIL_NOT_AFTER_START', field: 'validUntil' });
  });
  it('refuses validUntil beyond the maximum validity', () => {
    spec
      .given([reg])
      .when(grant('HIGH_TECH', '2025-01-01', { validUntil: '2028-01-01' }))
      .thenThrows(InvalidInput, { rule: 'VALID_UNTIL_EXCEEDS_MAX', field: 'validUntil' });
    spec
      .given([reg])
      .when(grant('TECH_SME', '2025-01-01', { validUntil: '2026-01-01' }))
      .thenThrows(InvalidInput, { rule: 'VALID_UNTIL_EXCEEDS_MAX', field: 'validUntil' });
  });

  it('refuses a tier already active on the date (CONFLICT: renew instead)', () => {
    spec
      .given([reg, granted('HIGH_TECH', '2023-01-01', '2025-12-31')])
      .when(grant('HIGH_TECH', '2025-06-01'))
      .thenThrows(Conflict, { rule: 'TIER_ALREADY_ACTIVE', field: 'tier' });
  });
  it('accepts a new grant once the old one lapsed or was revoked', () => {
    spec
      .given([reg, granted('TECH_SME', '2024-02-01', '2024-12-31')])
      .when(grant('TECH_SME', '2025-01-01'))
      .then([granted('TECH_SME', '2025-01-01', '2025-12-31')]);
    spec
      .given([reg, granted('HIGH_TECH', '2023-01-01', '2025-12-31'), revoked('HIGH_TECH', '2025-03-01')])
      .when(grant('HIGH_TECH', '2025-03-01'))
      .then([granted('HIGH_TECH', '2025-03-01', '2028-02-29')]);
  });
  it('refuses a grant dated before the last event of the tier', () => {
    spec
      .given([reg, granted('TECH_SME', '2024-02-01', '2024-12-31'), lapsed('TECH_SME', '2025-01-01')])
      .when(grant('TECH_SME', '2024-12-15'))
      .thenThrows(RuleViolation, { rule: 'EFFECTIVE_DATE_ORDER', field: 'grantedOn' });
  });
  it('lets a retracted grant neither block a new one nor fix the date order', () => {
    spec
      .given([
        reg,
        { eventId: 'g1', event: granted('HIGH_TECH', '2025-05-01', '2028-04-30') },
        retracted('HIGH_TECH', 'g1'),
      ])
      .when(grant('HIGH_TECH', '2025-04-01'))
      .then([granted('HIGH_TECH', '2025-04-01', '2028-03-31')]);
  });

  describe('prerequisites', () => {
    it('STRICT: refuses SRDI_SME without INNOVATIVE_SME', () => {
      spec
        .given([reg])
        .when(grant('SRDI_SME', '2025-01-01'))
        .thenThrows(RuleViolation, { rule: 'PREREQUISITE_MISSING', field: 'tier' });
    });
    it('STRICT: accepts the prerequisite granted the same day', () => {
      spec
        .given([reg, granted('INNOVATIVE_SME', '2025-01-01', '2027-12-31')])
        .when(grant('SRDI_SME', '2025-01-01'))
        .then([granted('SRDI_SME', '2025-01-01', '2027-12-31')]);
    });
    it('STRICT: a revoked or retracted prerequisite does not count', () => {
      spec
        .given([reg, granted('SRDI_SME', '2024-01-01', '2026-12-31'), revoked('SRDI_SME', '2025-01-01')])
        .when(grant('LITTLE_GIANT', '2025-02-01'))
        .thenThrows(RuleViolation, { rule: 'PREREQUISITE_MISSING' });
      spec
        .given([
          reg,
          { eventId: 'i1', event: granted('INNOVATIVE_SME', '2024-01-01', '2026-12-31') },
          retracted('INNOVATIVE_SME', 'i1'),
        ])
        .when(grant('SRDI_SME', '2025-02-01'))
        .thenThrows(RuleViolation, { rule: 'PREREQUISITE_MISSING' });
    });
    it('RECORD: accepts TECH_LEADER without HIGH_TECH and records the skipped rung', () => {
      spec
        .given([reg])
        .when(grant('TECH_LEADER', '2025-01-01'))
        .then([granted('TECH_LEADER', '2025-01-01', '2027-12-31', { skippedPrerequisites: ['HIGH_TECH'] })]);
      spec
        .given([reg, granted('HIGH_TECH', '2024-01-01', '2026-12-31')])
        .when(grant('TECH_LEADER', '2025-01-01'))
        .then([granted('TECH_LEADER', '2025-01-01', '2027-12-31')]);
    });
  });
});
