import { deciderSpec } from '@cl/testing';
import { Conflict, InvalidInput, NotFound } from '../errors';
import { d, deregistered, granted, lapsed, registered, renewed, retracted, revoked } from '../spec-fixtures';
import type { EnterpriseCommand } from './commands';
import { enterpriseDecider } from './decide';

const spec = deciderSpec(enterpriseDecider, { today: d('2025-06-30') });
const history = [
  registered(),
  { eventId: 'g1', event: granted('HIGH_TECH', '2022-07-01', '2025-06-30') },
  { eventId: 'r1', event: renewed('HIGH_TECH', '2025-06-01', '2028-06-30') },
];
const retract = (eventId: string, tier = 'HIGH_TECH', reason = 'entered in error'): EnterpriseCommand => ({
  type: 'RetractCertification',
  data: { tier: tier as never, eventId, reason },
});
const sweep = (asOf?: string): EnterpriseCommand => ({ type: 'RecordLapses', data: { asOf } });

describe('RetractCertification', () => {
  it('retracts a grant or a renewal by its eventId', () => {
    spec
      .given(history)
      .when(retract('g1'))
      .then([retracted('HIGH_TECH', 'g1')]);
    spec
      .given(history)
      .when(retract('r1'))
      .then([retracted('HIGH_TECH', 'r1')]);
  });
  it('refuses an eventId that is not a grant or renewal of this enterprise', () => {
    spec
      .given(history)
      .when(retract('nope'))
      .thenThrows(NotFound, { rule: 'RETRACTION_TARGET_NOT_FOUND', field: 'eventId' });
  });
  it('refuses a tier that does not match the event', () => {
    spec
      .given(history)
      .when(retract('g1', 'TECH_SME'))
      .thenThrows(InvalidInput, { rule: 'RETRACTION_TIER_MISMATCH', field: 'tier' });
  });
  it('refuses to retract twice (CONFLICT)', () => {
    spec
      .given([...history, retracted('HIGH_TECH', 'r1')])
      .when(retract('r1'))
      .thenThrows(Conflict, { rule: 'ALREADY_RETRACTED', field: 'eventId' });
  });
  it('needs a reason', () => {
    spec
      .given(history)
      .when(retract('g1', 'HIGH_TECH', ''))
      .thenThrows(InvalidInput, { rule: 'REASON_REQUIRED', field: 'reason' });
  });
});

describe('RecordLapses', () => {
  const due = [
    registered(),
    granted('TECH_SME', '2024-02-01', '2024-12-31'),
    granted('HIGH_TECH', '2022-06-30', '2025-06-29'),
  ];

  it('lapses every open grant whose validUntil is before asOf, on validUntil + 1', () => {
    spec
      .given(due)
      .when(sweep())
      .then([lapsed('TECH_SME', '2025-01-01'), lapsed('HIGH_TECH', '2025-06-30')]);
    spec
      .given(due)
      .when(sweep('2025-06-29'))
      .then([lapsed('TECH_SME', '2025-01-01')]);
  });
  it('is idempotent: nothing once recorded, nothing for revoked or still valid grants', () => {
    spec
      .given([...due, lapsed('TECH_SME', '2025-01-01'), lapsed('HIGH_TECH', '2025-06-30')])
      .when(sweep())
      .thenNothingHappened();
    spec
      .given([registered(), granted('HIGH_TECH', '2022-07-01', '2025-06-30')])
      .when(sweep())
      .thenNothingHappened();
    spec
      .given([registered(), granted('HIGH_TECH', '2022-01-01', '2024-12-31'), revoked('HIGH_TECH', '2024-06-01')])
      .when(sweep())
      .thenNothingHappened();
  });
  it('uses the renewed validUntil, and the original again once the renewal is retracted', () => {
    spec.given(history).when(sweep()).thenNothingHappened();
    spec
      .given([...history, retracted('HIGH_TECH', 'r1')])
      .when(sweep('2025-06-30'))
      .thenNothingHappened();
    spec
      .given([...history, retracted('HIGH_TECH', 'r1')])
      .when(sweep(), { today: d('2025-07-01') })
      .then([lapsed('HIGH_TECH', '2025-07-01')]);
  });
  it('writes nothing after deregistration', () => {
    spec
      .given([...due, deregistered('2025-06-01')])
      .when(sweep())
      .thenNothingHappened();
  });
  it('refuses asOf after today', () => {
    spec
      .given(due)
      .when(sweep('2025-07-01'))
      .thenThrows(InvalidInput, { rule: 'EFFECTIVE_DATE_IN_FUTURE', field: 'asOf' });
  });
});
