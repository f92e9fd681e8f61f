// Corrections (retraction of a grant or renewal entered in error) and the system's expiry sweep.
import { Conflict, InvalidInput, NotFound } from '../errors';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { addDays } from '../shared/calendar-date';
import type { DecisionContext, RecordLapses, RetractCertification } from './commands';
import { currentValidUntil } from './grant';
import { requireActive } from './guards';
import { effectiveDate, parseTier, requiredText } from './input';
import type { EnterpriseState } from './state';

/** RetractCertification: the referenced grant or renewal counts as never having happened. */
export function decideRetract({ data }: RetractCertification, state: EnterpriseState): EnterpriseEvent[] {
  const s = requireActive(state);
  const tier = parseTier(data.tier);
  const eventId = typeof data.eventId === 'string' ? data.eventId.trim() : '';
  const reason = requiredText(data.reason, 'reason', 'REASON_REQUIRED', 500);
  const grant = s.grants.find((g) => g.eventId === eventId || g.renewals.some((r) => r.eventId === eventId));
  if (!eventId || !grant) {
    throw new NotFound(
      'RETRACTION_TARGET_NOT_FOUND',
      'eventId',
      `no grant or renewal event ${eventId} in this enterprise's history`,
    );
  }
  if (grant.tier !== tier) {
    throw new InvalidInput('RETRACTION_TIER_MISMATCH', 'tier', `event ${eventId} concerns ${grant.tier}, not ${tier}`);
  }
  const renewal = grant.renewals.find((r) => r.eventId === eventId);
  if (grant.retracted || renewal?.retracted) {
    throw new Conflict('ALREADY_RETRACTED', 'eventId', `event ${eventId} is already retracted`);
  }
  return [{ type: 'CertificationRetracted', data: { tier, retractedEventId: eventId, reason } }];
}

/** RecordLapses: one CertificationLapsed per open grant whose validUntil is before asOf; idempotent. */
export function decideLapses({ data }: RecordLapses, state: EnterpriseState, ctx: DecisionContext): EnterpriseEvent[] {
  if (state.status === 'DEREGISTERED') return []; // deregistration already ended what was counting
  const s = requireActive(state);
  const asOf = data.asOf == null ? ctx.today : effectiveDate(data.asOf, 'asOf', ctx);
  return s.grants
    .filter((g) => !g.retracted && g.end === null && currentValidUntil(g) < asOf)
    .map((g) => ({ tier: g.tier, lapsedOn: addDays(currentValidUntil(g), 1) }))
    .sort((a, b) => (a.lapsedOn < b.lapsedOn ? -1 : a.lapsedOn > b.lapsedOn ? 1 : 0))
    .map((data): EnterpriseEvent => ({ type: 'CertificationLapsed', data }));
}
