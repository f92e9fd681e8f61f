import { deciderSpec } from '@cl/testing';
import { Conflict, InvalidInput, RuleViolation } from '../errors';
import { d, grant, granted, lapsed, registered, renewed, retracted, revoked } from '../spec-fixtures';
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
      .thenThrows(InvalidInput, {
        rule: 'CERTIFICATE_NO_FORMAT',
        field: 'certificateNo',
        // the expected form, for the client's own words
        details: {
          tier: 'HIGH_TECH',
          expected: expect.stringContaining('GR + 4-digit year'),
          example: 'GR202312000273',
        },
      });
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
  it('refuses a grant inside the days of an earlier, lapsed one (CONFLICT naming it)', () => {
    const error = spec
      .given([
        reg,
        { eventId: 'g-2024', event: granted('TECH_SME', '2024-02-01', '2024-12-31') },
        lapsed('TECH_SME', '2025-01-01'),
      ])
      .when(grant('TECH_SME', '2024-12-15'))
      .thenThrows(Conflict, {
        rule: 'TIER_ALREADY_ACTIVE',
        field: 'tier',
        details: {
          overlappingEventId: 'g-2024',
          overlappingGrantedOn: '2024-02-01',
          overlappingCountsThrough: '2024-12-31',
        },
      });
    expect(error.message).toContain('g-2024 (2024-02-01 – 2024-12-31)');
  });

  describe('history out of order', () => {
    const thisYear = { eventId: 'g-2025', event: granted('TECH_SME', '2025-02-01', '2025-12-31') };
    it('accepts last year’s grant after this year’s when their days do not overlap', () => {
      spec
        .given([reg, thisYear])
        .when(grant('TECH_SME', '2024-03-01'))
        .then([granted('TECH_SME', '2024-03-01', '2024-12-31')]);
      spec
        .given([reg, { eventId: 'h', event: granted('HIGH_TECH', '2024-06-01', '2027-05-31') }])
        .when(grant('HIGH_TECH', '2021-06-01'))
        .then([granted('HIGH_TECH', '2021-06-01', '2024-05-31')]);
    });
    it('refuses an earlier grant still counting when the later one starts (GRANT_OVERLAPS naming it)', () => {
      const error = spec
        .given([reg, { eventId: 'h', event: granted('HIGH_TECH', '2024-06-01', '2027-05-31') }])
        .when(grant('HIGH_TECH', '2021-06-02'))
        .thenThrows(Conflict, {
          rule: 'GRANT_OVERLAPS',
          field: 'grantedOn',
          details: {
            overlappingEventId: 'h',
            overlappingGrantedOn: '2024-06-01',
            overlappingCountsThrough: '2027-05-31',
          },
        });
      expect(error.message).toBe(
        'HIGH_TECH from 2021-06-02 to 2024-06-01 would overlap grant h (2024-06-01 – 2027-05-31)',
      );
    });
    it('a later grant that was revoked early leaves room before it only up to its start', () => {
      spec
        .given([reg, thisYear, revoked('TECH_SME', '2025-03-01')])
        .when(grant('TECH_SME', '2025-01-15', { validUntil: '2025-01-31' }))
        .then([granted('TECH_SME', '2025-01-15', '2025-01-31')]);
    });
    it('a grant revoked early counts only until its revocation: a back-dated grant may start after it', () => {
      // 2022-01-01 – 2024-12-31 revoked 2023-01-01; the next grant, recorded late, dated inside the original validity.
      const early = [reg, { eventId: 'x', event: granted('HIGH_TECH', '2022-01-01', '2024-12-31') }];
      spec
        .given([...early, revoked('HIGH_TECH', '2023-01-01')])
        .when(grant('HIGH_TECH', '2023-01-01'))
        .then([granted('HIGH_TECH', '2023-01-01', '2025-12-31')]);
      // Renewed, then revoked: the renewed validity is cut the same way.
      spec
        .given([...early, renewed('HIGH_TECH', '2024-06-01', '2027-12-31'), revoked('HIGH_TECH', '2025-01-01')])
        .when(grant('HIGH_TECH', '2025-01-01'))
        .then([granted('HIGH_TECH', '2025-01-01', '2027-12-31')]);
      // A grant recorded back-catalogue first, then the revoked one's revocation, then the late grant.
      spec
        .given([
          reg,
          { eventId: 'x', event: granted('HIGH_TECH', '2022-01-01', '2024-12-31') },
          granted('HIGH_TECH', '2018-06-01', '2021-05-31'),
          revoked('HIGH_TECH', '2023-01-01'),
        ])
        .when(grant('HIGH_TECH', '2024-06-01'))
        .then([granted('HIGH_TECH', '2024-06-01', '2027-05-31')]);
      // Before the revocation: still the whole validity (the revocation is not known yet), naming the grant.
      spec
        .given(early)
        .when(grant('HIGH_TECH', '2023-01-01'))
        .thenThrows(Conflict, { rule: 'TIER_ALREADY_ACTIVE', details: { overlappingCountsThrough: '2024-12-31' } });
    });
    it('a grant revoked the day it began counts no day, so it blocks none', () => {
      spec
        .given([reg, granted('HIGH_TECH', '2024-06-01', '2027-05-31'), revoked('HIGH_TECH', '2024-06-01')])
        .when(grant('HIGH_TECH', '2021-06-02'))
        .then([granted('HIGH_TECH', '2021-06-02', '2024-06-01')]);
    });
    it('a retracted grant is no obstacle', () => {
      spec
        .given([reg, thisYear, retracted('TECH_SME', 'g-2025')])
        .when(grant('TECH_SME', '2025-01-10'))
        .then([granted('TECH_SME', '2025-01-10', '2025-12-31')]);
    });
  });

  it('refuses effective dates before 2000-01-01 (a typo, not history)', () => {
    spec
      .given([reg])
      .when(grant('HIGH_TECH', '1025-06-01'))
      .thenThrows(InvalidInput, { rule: 'DATE_BEFORE_2000', field: 'grantedOn' });
    spec
      .given([reg])
      .when(grant('TECH_SME', '1999-12-31'))
      .thenThrows(InvalidInput, { rule: 'DATE_BEFORE_2000', field: 'grantedOn' });
    spec
      .given([reg])
      .when(grant('TECH_SME', '2000-01-01'))
      .then([granted('TECH_SME', '2000-01-01', '2000-12-31')]);
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
    it('STRICT: refuses SRDI_SME without INNOVATIVE_SME, naming the rule and the policy version', () => {
      const error = spec
        .given([reg])
        .when(grant('SRDI_SME', '2025-01-01'))
        .thenThrows(RuleViolation, {
          rule: 'PREREQUISITE_MISSING',
          field: 'tier',
          // the missing tier, for the client to name
          details: expect.objectContaining({ tier: 'SRDI_SME', requires: ['INNOVATIVE_SME'], on: '2025-01-01' }),
        });
      expect(error.message).toContain('SRDI_SME requires INNOVATIVE_SME held on 2025-01-01 (policy plan-2025');
    });
    it('STRICT: refuses SRDI_SME without INNOVATIVE_SME (already before)', () => {
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

// Policy revision-2026 (in force from 2026-04-01): each rule change at the boundary.
describe('GrantCertification across 2026-04-01 (revision-2026)', () => {
  const later = deciderSpec(enterpriseDecider, { today: d('2026-06-30') });
  const techSme2026 = granted('TECH_SME', '2026-01-05', '2026-12-31');

  it('2026-03-31 (plan-2025): SRDI_SME with only TECH_SME is refused', () => {
    const error = later
      .given([reg, techSme2026])
      .when(grant('SRDI_SME', '2026-03-31'))
      .thenThrows(RuleViolation, { rule: 'PREREQUISITE_MISSING', field: 'tier' });
    expect(error.message).toContain('requires INNOVATIVE_SME held on 2026-03-31 (policy plan-2025');
  });
  it('2026-04-01 (revision-2026): TECH_SME alone satisfies SRDI_SME', () => {
    later
      .given([reg, techSme2026])
      .when(grant('SRDI_SME', '2026-04-01'))
      .then([granted('SRDI_SME', '2026-04-01', '2029-03-31')]);
  });
  it('2026-04-01: INNOVATIVE_SME still satisfies it; neither member is refused, naming both', () => {
    later
      .given([reg, granted('INNOVATIVE_SME', '2025-01-01', '2027-12-31')])
      .when(grant('SRDI_SME', '2026-04-01'))
      .then([granted('SRDI_SME', '2026-04-01', '2029-03-31')]);
    const error = later
      .given([reg])
      .when(grant('SRDI_SME', '2026-04-01'))
      .thenThrows(RuleViolation, { rule: 'PREREQUISITE_MISSING', field: 'tier' });
    expect(error.message).toContain('requires TECH_SME or INNOVATIVE_SME held on 2026-04-01 (policy revision-2026');
  });
  it('2026-04-01: a lapsed TECH_SME does not count (the member must be valid that day)', () => {
    later
      .given([reg, granted('TECH_SME', '2025-01-05', '2025-12-31')])
      .when(grant('SRDI_SME', '2026-04-01'))
      .thenThrows(RuleViolation, { rule: 'PREREQUISITE_MISSING' });
  });
  it('the group is never granted, on either side of the boundary', () => {
    for (const on of ['2026-03-31', '2026-04-01']) {
      later
        .given([reg])
        .when(grant('TECH_AND_INNOVATIVE_SME', on))
        .thenThrows(InvalidInput, { rule: 'TIER_NOT_GRANTABLE', field: 'tier' });
    }
  });
  it('the group is never renewed or revoked itself', () => {
    const given = later.given([reg, techSme2026]);
    given
      .when({ type: 'RenewCertification', data: { tier: 'TECH_AND_INNOVATIVE_SME', renewedOn: '2026-05-01' } })
      .thenThrows(InvalidInput, { rule: 'TIER_NOT_GRANTABLE', field: 'tier' });
    given
      .when({
        type: 'RevokeCertification',
        data: { tier: 'TECH_AND_INNOVATIVE_SME', revokedOn: '2026-05-01', reason: 'FRAUD' },
      })
      .thenThrows(InvalidInput, { rule: 'TIER_NOT_GRANTABLE', field: 'tier' });
  });
  it('LITTLE_GIANT still needs SRDI_SME after the boundary', () => {
    later
      .given([reg, techSme2026])
      .when(grant('LITTLE_GIANT', '2026-04-01'))
      .thenThrows(RuleViolation, { rule: 'PREREQUISITE_MISSING' });
  });
});
