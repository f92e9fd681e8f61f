import { deciderSpec } from '@cl/testing';
import { Conflict, InvalidInput, RuleViolation } from '../errors';
import { d, granted, registered, renewed, retracted, revoked } from '../spec-fixtures';
import type { EnterpriseCommand } from './commands';
import { enterpriseDecider } from './decide';
import { currentValidUntil } from './grant';

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

describe('RenewCertification: one renewal per term, in its window', () => {
  // 创新型 granted 2024-03-01, valid to 2027-02-28: the window opens 12 months before the end.
  const innovative = [registered(), granted('INNOVATIVE_SME', '2024-03-01', '2027-02-28')];
  const at = (today: string) => deciderSpec(enterpriseDecider, { today: d(today) });
  const renewInnovative = (renewedOn: string, validUntil?: string): EnterpriseCommand => ({
    type: 'RenewCertification',
    data: { tier: 'INNOVATIVE_SME', renewedOn, ...(validUntil ? { validUntil } : {}) },
  });

  it('opens the window 12 months before the term ends, and renews up to its last day', () => {
    at('2027-02-28')
      .given(innovative)
      .when(renewInnovative('2026-03-01'))
      .then([renewed('INNOVATIVE_SME', '2026-03-01', '2030-02-28')]);
    at('2027-02-28')
      .given(innovative)
      .when(renewInnovative('2027-02-28'))
      .then([renewed('INNOVATIVE_SME', '2027-02-28', '2030-02-28')]);
  });
  it('refuses a renewal the day before the window opens, naming the first due date', () => {
    at('2027-02-28')
      .given(innovative)
      .when(renewInnovative('2026-02-28'))
      .thenThrows(Conflict, { rule: 'RENEWAL_NOT_DUE', field: 'renewedOn', details: { dueFrom: '2026-03-01' } });
  });
  it('refuses a second renewal of the same term, naming the recorded one and when the next is due', () => {
    at('2026-11-21')
      .given([...innovative, { eventId: 'r1', event: renewed('INNOVATIVE_SME', '2026-11-20', '2030-02-28') }])
      .when(renewInnovative('2026-11-20'))
      .thenThrows(Conflict, {
        rule: 'RENEWAL_NOT_DUE',
        details: { dueFrom: '2029-03-01', renewalEventId: 'r1' },
      });
    // Recorded late and dated before the recorded one: the same term, refused too.
    at('2026-12-01')
      .given([...innovative, { eventId: 'r1', event: renewed('INNOVATIVE_SME', '2026-11-20', '2030-02-28') }])
      .when(renewInnovative('2026-04-01'))
      .thenThrows(Conflict, { rule: 'RENEWAL_NOT_DUE', details: { renewalEventId: 'r1' } });
  });
  it('renews the renewed term once its own window opens', () => {
    at('2029-03-01')
      .given([...innovative, renewed('INNOVATIVE_SME', '2026-11-20', '2030-02-28')])
      .when(renewInnovative('2029-03-01'))
      .then([renewed('INNOVATIVE_SME', '2029-03-01', '2033-02-28')]);
  });
  it('takes a supplied validUntil within the new term, never beyond it', () => {
    at('2026-12-01')
      .given(innovative)
      .when(renewInnovative('2026-11-20', '2029-12-31'))
      .then([renewed('INNOVATIVE_SME', '2026-11-20', '2029-12-31')]);
    at('2026-12-01')
      .given(innovative)
      .when(renewInnovative('2026-11-20', '2030-03-01'))
      .thenThrows(InvalidInput, { rule: 'VALID_UNTIL_EXCEEDS_MAX', field: 'validUntil' });
  });
  it('renews a TECH_SME registration for the next calendar year (its annual rule)', () => {
    at('2025-12-31')
      .given([registered(), granted('TECH_SME', '2025-03-01', '2025-12-31')])
      .when({ type: 'RenewCertification', data: { tier: 'TECH_SME', renewedOn: '2025-10-01' } })
      .then([renewed('TECH_SME', '2025-10-01', '2026-12-31')]);
  });
  it('judges the window by the policy in force on renewedOn (revision-2026 keeps 12 months)', () => {
    at('2026-05-01')
      .given([registered(), granted('INNOVATIVE_SME', '2023-06-01', '2026-05-31')])
      .when(renewInnovative('2026-04-15'))
      .then([renewed('INNOVATIVE_SME', '2026-04-15', '2029-05-31')]);
    at('2025-06-30')
      .given([registered(), granted('INNOVATIVE_SME', '2023-06-01', '2026-05-31')])
      .when(renewInnovative('2025-05-31'))
      .thenThrows(Conflict, { rule: 'RENEWAL_NOT_DUE', details: { dueFrom: '2025-06-01' } });
  });
  it('does not re-check prerequisites (a 复核 of 专精特新 whose 创新型 has lapsed)', () => {
    at('2026-12-01')
      .given([
        registered(),
        granted('INNOVATIVE_SME', '2021-01-01', '2023-12-31'),
        granted('SRDI_SME', '2024-01-01', '2026-12-31'),
      ])
      .when({ type: 'RenewCertification', data: { tier: 'SRDI_SME', renewedOn: '2026-11-20' } })
      .then([renewed('SRDI_SME', '2026-11-20', '2029-12-31')]);
  });
  it('restores the renewed term when the renewal is retracted, so the term may be renewed again', () => {
    const state = at('2026-11-21')
      .given([...innovative, { eventId: 'r1', event: renewed('INNOVATIVE_SME', '2026-11-20', '2030-02-28') }])
      .when({
        type: 'RetractCertification',
        data: { tier: 'INNOVATIVE_SME', eventId: 'r1', reason: 'entered in error' },
      })
      .then([retracted('INNOVATIVE_SME', 'r1')]);
    expect(state.status === 'ACTIVE' && currentValidUntil(state.grants[0]!)).toBe('2027-02-28');
    at('2026-11-21')
      .given([
        ...innovative,
        { eventId: 'r1', event: renewed('INNOVATIVE_SME', '2026-11-20', '2030-02-28') },
        retracted('INNOVATIVE_SME', 'r1'),
      ])
      .when(renewInnovative('2026-11-21'))
      .then([renewed('INNOVATIVE_SME', '2026-11-21', '2030-02-28')]);
  });
  it('refuses to retract a renewal whose term was renewed again: the later one first', () => {
    at('2029-06-01')
      .given([
        ...innovative,
        { eventId: 'r1', event: renewed('INNOVATIVE_SME', '2026-11-20', '2030-02-28') },
        { eventId: 'r2', event: renewed('INNOVATIVE_SME', '2029-05-01', '2033-02-28') },
      ])
      .when({
        type: 'RetractCertification',
        data: { tier: 'INNOVATIVE_SME', eventId: 'r1', reason: 'entered in error' },
      })
      .thenThrows(Conflict, { rule: 'RENEWAL_RENEWED_LATER', field: 'eventId', details: { renewalEventId: 'r2' } });
  });
  it('lets an auditor retract stacked renewals of an old log one by one, the term shrinking each time', () => {
    // Recorded before the rule: three renewals of the term to 2027-02-28, each adding three years.
    const stacked = [
      ...innovative,
      { eventId: 'r1', event: renewed('INNOVATIVE_SME', '2026-11-20', '2030-02-28') },
      { eventId: 'r2', event: renewed('INNOVATIVE_SME', '2026-11-20', '2033-02-28') },
      { eventId: 'r3', event: renewed('INNOVATIVE_SME', '2026-11-21', '2036-02-29') },
    ];
    const spec2 = at('2026-12-01');
    expect(spec2.given(stacked).state).toMatchObject({ grants: [{ renewals: [{}, {}, {}] }] });
    const after3 = spec2
      .given(stacked)
      .when({
        type: 'RetractCertification',
        data: { tier: 'INNOVATIVE_SME', eventId: 'r3', reason: 'entered in error' },
      })
      .then([retracted('INNOVATIVE_SME', 'r3')]);
    expect(after3.status === 'ACTIVE' && currentValidUntil(after3.grants[0]!)).toBe('2033-02-28');
    const after2 = spec2
      .given([...stacked, retracted('INNOVATIVE_SME', 'r3')])
      .when({
        type: 'RetractCertification',
        data: { tier: 'INNOVATIVE_SME', eventId: 'r2', reason: 'entered in error' },
      })
      .then([retracted('INNOVATIVE_SME', 'r2')]);
    expect(after2.status === 'ACTIVE' && currentValidUntil(after2.grants[0]!)).toBe('2030-02-28');
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
