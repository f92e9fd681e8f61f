import { deciderSpec } from '@cl/testing';
import { Conflict, InvalidInput, RuleViolation } from '../errors';
import { d, granted, registered, renewed, revoked } from '../spec-fixtures';
import type { EnterpriseCommand } from './commands';
import { enterpriseDecider } from './decide';

const spec = deciderSpec(enterpriseDecider, { today: d('2025-06-30') });
const highTech = [registered(), granted('HIGH_TECH', '2022-07-01', '2025-06-30')];
const renew = (renewedOn: string, more: { validUntil?: string; certificateNo?: string } = {}): EnterpriseCommand => ({
  type: 'RenewCertification',
  data: { tier: 'HIGH_TECH', renewedOn, ...more },
});
const revoke = (revokedOn: string, reason = 'FRAUD'): EnterpriseCommand => ({
  type: 'RevokeCertification',
  data: { tier: 'HIGH_TECH', revokedOn, reason: reason as never, note: ' 抽查 ' },
});

describe('RenewCertification', () => {
  it('continues the term from the day after the current validUntil by default', () => {
    spec
      .given(highTech)
      .when(renew('2025-06-01'))
      .then([renewed('HIGH_TECH', '2025-06-01', '2028-06-30')]);
  });
  it('accepts an explicit validUntil and a new certificate number', () => {
    spec
      .given(highTech)
      .when(renew('2025-06-30', { validUntil: '2028-06-29', certificateNo: 'GR202512000001' }))
      .then([
        {
          type: 'CertificationRenewed',
          data: {
            tier: 'HIGH_TECH',
            certificateNo: 'GR202512000001',
            renewedOn: d('2025-06-30'),
            validUntil: d('2028-06-29'),
          },
        },
      ]);
  });
  it('needs a grant active on renewedOn', () => {
    spec
      .given([registered(), granted('HIGH_TECH', '2022-01-01', '2024-12-31')])
      .when(renew('2025-01-01'))
      .thenThrows(RuleViolation, { rule: 'NO_ACTIVE_GRANT', field: 'renewedOn' });
  });
  it('must extend validUntil', () => {
    spec
      .given(highTech)
      .when(renew('2025-06-01', { validUntil: '2025-06-30' }))
      .thenThrows(RuleViolation, { rule: 'RENEWAL_MUST_EXTEND', field: 'validUntil' });
  });
  it('stays within the maximum validity of the new term', () => {
    spec
      .given(highTech)
      .when(renew('2025-06-01', { validUntil: '2028-07-01' }))
      .thenThrows(InvalidInput, { rule: 'VALID_UNTIL_EXCEEDS_MAX', field: 'validUntil' });
  });
  it('refers to the grant counting on its date, wherever it sits in the stream', () => {
    // This year's TECH_SME is recorded first, then last year's (back catalogue), then last year's renewal.
    const state = spec
      .given([
        registered(),
        { eventId: 'g-2025', event: granted('TECH_SME', '2025-01-10', '2025-12-31') },
        { eventId: 'g-2023', event: granted('TECH_SME', '2023-01-10', '2023-12-31') },
      ])
      .when({
        type: 'RenewCertification',
        data: { tier: 'TECH_SME', renewedOn: '2023-11-01', validUntil: '2024-12-31' },
      })
      .then([renewed('TECH_SME', '2023-11-01', '2024-12-31')]);
    expect(state.status === 'ACTIVE' && state.grants.map((g) => [g.eventId, g.renewals.length])).toEqual([
      ['g-2023', 1],
      ['g-2025', 0],
    ]);
  });
  it('refuses to extend an earlier grant into a later one (CONFLICT naming it)', () => {
    spec
      .given([
        registered(),
        { eventId: 'h-2024', event: granted('HIGH_TECH', '2024-06-01', '2027-05-31') },
        granted('HIGH_TECH', '2020-01-01', '2022-12-31'),
      ])
      .when(renew('2022-06-01'))
      .thenThrows(Conflict, {
        rule: 'GRANT_OVERLAPS',
        field: 'validUntil',
        details: { overlappingEventId: 'h-2024', overlappingGrantedOn: '2024-06-01' },
      });
  });
});

describe('RevokeCertification', () => {
  it('ends the grant counting on its date, also one recorded after a later grant', () => {
    const state = spec
      .given([
        registered(),
        granted('TECH_SME', '2025-01-10', '2025-12-31'),
        { eventId: 'g-2023', event: granted('TECH_SME', '2023-01-10', '2023-12-31') },
      ])
      .when({ type: 'RevokeCertification', data: { tier: 'TECH_SME', revokedOn: '2023-05-01', reason: 'FRAUD' } })
      .then([
        { type: 'CertificationRevoked', data: { tier: 'TECH_SME', revokedOn: d('2023-05-01'), reason: 'FRAUD' } },
      ]);
    expect(state.status === 'ACTIVE' && state.grants.map((g) => [g.grantedOn, g.end?.kind ?? null])).toEqual([
      ['2023-01-10', 'REVOKED'],
      ['2025-01-10', null],
    ]);
  });
  it('revokes the active grant with reason and note', () => {
    spec
      .given(highTech)
      .when(revoke('2025-03-01'))
      .then([
        {
          type: 'CertificationRevoked',
          data: { tier: 'HIGH_TECH', revokedOn: d('2025-03-01'), reason: 'FRAUD', note: '抽查' },
        },
      ]);
  });
  it('needs a grant active on revokedOn', () => {
    spec
      .given([...highTech, revoked('HIGH_TECH', '2025-01-01')])
      .when(revoke('2025-02-01'))
      .thenThrows(RuleViolation, { rule: 'NO_ACTIVE_GRANT', field: 'revokedOn' });
    spec
      .given([registered()])
      .when(revoke('2025-02-01'))
      .thenThrows(RuleViolation, { rule: 'NO_ACTIVE_GRANT', field: 'revokedOn' });
  });
  it('refuses an unknown reason', () => {
    spec
      .given(highTech)
      .when(revoke('2025-03-01', 'BORED'))
      .thenThrows(InvalidInput, { rule: 'REVOCATION_REASON_UNKNOWN', field: 'reason' });
  });
  it('refuses a future date', () => {
    spec
      .given(highTech)
      .when(revoke('2025-07-01'))
      .thenThrows(InvalidInput, { rule: 'EFFECTIVE_DATE_IN_FUTURE', field: 'revokedOn' });
  });
  it('may not be dated before a renewal of the grant it ends', () => {
    spec
      .given([...highTech, renewed('HIGH_TECH', '2025-06-01', '2028-06-30')])
      .when(revoke('2025-05-31'))
      .thenThrows(RuleViolation, { rule: 'EFFECTIVE_DATE_ORDER', field: 'revokedOn' });
  });
});
