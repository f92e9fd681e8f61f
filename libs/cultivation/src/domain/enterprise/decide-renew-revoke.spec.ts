import { deciderSpec } from '@cl/testing';
import { InvalidInput, RuleViolation } from '../errors';
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
  it('may not be dated before the last event of the tier', () => {
    spec
      .given([...highTech, renewed('HIGH_TECH', '2025-06-01', '2028-06-30')])
      .when(renew('2025-05-01'))
      .thenThrows(RuleViolation, { rule: 'EFFECTIVE_DATE_ORDER', field: 'renewedOn' });
  });
});

describe('RevokeCertification', () => {
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
  it('may not be dated before the last event of the tier', () => {
    spec
      .given([...highTech, renewed('HIGH_TECH', '2025-06-01', '2028-06-30')])
      .when(revoke('2025-05-31'))
      .thenThrows(RuleViolation, { rule: 'EFFECTIVE_DATE_ORDER', field: 'revokedOn' });
  });
});
