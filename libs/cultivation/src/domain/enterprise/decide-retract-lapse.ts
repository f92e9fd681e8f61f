// Corrections (retraction of a grant or renewal entered in error) and the system's expiry sweep.
import { Conflict, InvalidInput, NotFound } from '../errors';
import type { EnterpriseEvent } from '../events/enterprise-events';
import type { CalendarDate } from '../shared/calendar-date';
import type { DecisionContext, RecordLapses, RetractCertification } from './commands';
import { grantEnding, liveRenewals, termsOf } from './grant';
import { isTierGroup } from '../policy/policy';
import { requireActive } from './guards';
import { effectiveDate, parseTier, requiredText } from './input';
import { TEXT_LIMITS } from './text-limits';
import type { EnterpriseState, Grant, Renewal } from './state';

/** RetractCertification: the referenced grant or renewal counts as never having happened. */
export function decideRetract({ data }: RetractCertification, state: EnterpriseState): EnterpriseEvent[] {
  const s = requireActive(state);
  const tier = parseTier(data.tier);
  if (isTierGroup(tier)) {
    throw new InvalidInput('TIER_NOT_GRANTABLE', 'tier', `${tier} is a group: retract the member grant instead`);
  }
  const eventId = typeof data.eventId === 'string' ? data.eventId.trim() : '';
  const reason = requiredText(data.reason, 'reason', 'REASON_REQUIRED', TEXT_LIMITS.reason);
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
  if (renewal) refuseWhileRenewedLater(grant, renewal);
  return [{ type: 'CertificationRetracted', data: { tier, retractedEventId: eventId, reason } }];
}

/**
 * A retracted renewal restores the term it extended, so a later renewal recorded in the term it opened
 * would be left re-reviewing a term that never was (and stretch the restored one): retract that one first.
 */
function refuseWhileRenewedLater(grant: Grant, renewal: Renewal): void {
  const opened = termsOf(grant).find((t) => t.renewal === renewal);
  const later = opened && liveRenewals(grant).find((r) => r !== renewal && r.renewedOn >= opened.start);
  if (!later) return;
  throw new Conflict(
    'RENEWAL_RENEWED_LATER',
    'eventId',
    `renewal ${renewal.eventId} opened the term from ${opened.start}, which renewal ${later.eventId} (${later.renewedOn}) re-reviewed: retract ${later.eventId} first`,
    { renewalEventId: later.eventId },
  );
}

/**
 * RecordLapses: one CertificationLapsed per live grant whose validity (after renewals, whatever their
 * recording order) ended before asOf without a revocation, unless that very lapse is recorded; idempotent.
 * A lapse recorded before a back-dated renewal extended the grant is superseded: the new end lapses again.
 */
export function decideLapses({ data }: RecordLapses, state: EnterpriseState, ctx: DecisionContext): EnterpriseEvent[] {
  if (state.status === 'DEREGISTERED') return []; // deregistration already ended what was counting
  const s = requireActive(state);
  const asOf = data.asOf == null ? ctx.today : effectiveDate(data.asOf, 'asOf', ctx);
  return s.grants
    .filter((g) => !g.retracted)
    .map((g) => ({ g, ending: grantEnding(g) }))
    .filter(({ g, ending }) => ending.kind === 'LAPSED' && ending.on <= asOf && !lapseRecorded(g, ending.on))
    .map(({ g, ending }) => ({ tier: g.tier, lapsedOn: ending.on }))
    .sort((a, b) => (a.lapsedOn < b.lapsedOn ? -1 : a.lapsedOn > b.lapsedOn ? 1 : 0))
    .map((data): EnterpriseEvent => ({ type: 'CertificationLapsed', data }));
}

const lapseRecorded = (g: Grant, on: CalendarDate) => g.end?.kind === 'LAPSED' && g.end.on === on;
