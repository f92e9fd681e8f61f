// Renewal and revocation both act on the grant of the tier that counts on their date.
import { Conflict, InvalidInput, RuleViolation } from '../errors';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { parseCertificateNo, renewalDueFrom, tierPolicyOn } from '../policy/policy';
import type { TierPolicy } from '../policy/policy-types';
import { isOneOf, REVOCATION_REASONS, type Tier } from '../policy/vocabulary';
import { addDays, type CalendarDate } from '../shared/calendar-date';
import type { DecisionContext, RenewCertification, RevokeCertification } from './commands';
import { refuseOverlap, validUntilFor } from './decide-grant';
import { countsOn, liveRenewals, termsOf, type Term } from './grant';
import { requireActive, requireNotBefore } from './guards';
import { effectiveDate, optionalText, parseTier } from './input';
import { TEXT_LIMITS } from './text-limits';
import type { ActiveEnterprise, EnterpriseState, Grant } from './state';

/** The grant of the tier counting on the date, wherever it was recorded in the stream. */
function activeGrant(s: ActiveEnterprise, tier: Tier, on: CalendarDate, field: string): Grant {
  const grant = s.grants.find((g) => g.tier === tier && countsOn(g, on));
  if (!grant) throw new RuleViolation('NO_ACTIVE_GRANT', field, `no ${tier} grant is active on ${on}`);
  return grant;
}

/**
 * The term of the grant a renewal on `renewedOn` re-reviews: the last one, when it ends within the tier's
 * window after renewedOn. A term in force that a recorded renewal already re-reviewed, or one not yet in
 * its window, is refused (RENEWAL_NOT_DUE) with the first date the next renewal may be recorded.
 */
function termDue(grant: Grant, renewedOn: CalendarDate, policy: TierPolicy): Term {
  const terms = termsOf(grant);
  const last = terms[terms.length - 1] as Term;
  const dueFrom = renewalDueFrom(policy, last.end);
  const next = terms.find((t) => t.start > renewedOn);
  if (next?.renewal) {
    throw new Conflict(
      'RENEWAL_NOT_DUE',
      'renewedOn',
      `the ${grant.tier} term in force on ${renewedOn} was already renewed by ${next.renewal.eventId} (to ${last.end}); the next renewal is due from ${dueFrom}`,
      { dueFrom, renewalEventId: next.renewal.eventId },
    );
  }
  if (renewedOn < dueFrom) {
    throw new Conflict(
      'RENEWAL_NOT_DUE',
      'renewedOn',
      `the ${grant.tier} term ends on ${last.end}: a renewal may be recorded from ${dueFrom} (${policy.renewalWindowMonths} months before)`,
      { dueFrom },
    );
  }
  return last;
}

/**
 * RenewCertification: re-reviews the term in force, once. The new term runs from the day after it ends
 * for the tier's validity; a supplied validUntil may end it earlier (as a certificate states), never later.
 */
export function decideRenew(
  { data }: RenewCertification,
  state: EnterpriseState,
  ctx: DecisionContext,
): EnterpriseEvent[] {
  const s = requireActive(state);
  const tier = parseTier(data.tier);
  const renewedOn = effectiveDate(data.renewedOn, 'renewedOn', ctx);
  const policy = tierPolicyOn(tier, renewedOn, ctx.policy);
  const certificateNo = parseCertificateNo(policy, data.certificateNo);
  const grant = activeGrant(s, tier, renewedOn, 'renewedOn');
  const current = termDue(grant, renewedOn, policy).end;
  // The re-reviewed term starts the day after the current one ends, so renewing early loses nothing.
  const validUntil = validUntilFor(policy, addDays(current, 1), data.validUntil, renewedOn);
  if (validUntil <= current) {
    throw new RuleViolation('RENEWAL_MUST_EXTEND', 'validUntil', `a renewal must extend validUntil beyond ${current}`);
  }
  // A back-catalogue grant renewed into the days of a later grant of the tier would count twice.
  refuseOverlap(s, tier, renewedOn, validUntil, 'validUntil', grant);
  return [
    {
      type: 'CertificationRenewed',
      data: { tier, ...(certificateNo ? { certificateNo } : {}), renewedOn, validUntil },
    },
  ];
}

/** RevokeCertification: ends the active grant on revokedOn (it no longer counts that day). */
export function decideRevoke(
  { data }: RevokeCertification,
  state: EnterpriseState,
  ctx: DecisionContext,
): EnterpriseEvent[] {
  const s = requireActive(state);
  const tier = parseTier(data.tier);
  const revokedOn = effectiveDate(data.revokedOn, 'revokedOn', ctx);
  tierPolicyOn(tier, revokedOn, ctx.policy); // a group is never revoked itself
  if (!isOneOf(REVOCATION_REASONS, data.reason)) {
    throw new InvalidInput(
      'REVOCATION_REASON_UNKNOWN',
      'reason',
      `reason must be one of ${REVOCATION_REASONS.join(', ')}`,
    );
  }
  const note = optionalText(data.note, 'note', TEXT_LIMITS.note);
  const grant = activeGrant(s, tier, revokedOn, 'revokedOn');
  // The grant's own later renewals would be left after its end: a revocation may not precede them.
  const lastRenewal = liveRenewals(grant).reduce<CalendarDate | null>(
    (last, r) => (!last || r.renewedOn > last ? r.renewedOn : last),
    null,
  );
  requireNotBefore(revokedOn, lastRenewal, 'revokedOn', `renewal of this ${tier} grant`);
  return [{ type: 'CertificationRevoked', data: { tier, revokedOn, reason: data.reason, ...(note ? { note } : {}) } }];
}
