// Renewal and revocation both act on the grant of the tier that counts on their date.
import { InvalidInput, RuleViolation } from '../errors';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { parseCertificateNo, tierPolicyOn } from '../policy/policy';
import { isOneOf, REVOCATION_REASONS, type Tier } from '../policy/vocabulary';
import { addDays, type CalendarDate } from '../shared/calendar-date';
import type { DecisionContext, RenewCertification, RevokeCertification } from './commands';
import { refuseOverlap, validUntilFor } from './decide-grant';
import { countsOn, currentValidUntil, liveRenewals } from './grant';
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

/** RenewCertification: extends the active grant; the new term continues from its current end. */
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
  const current = currentValidUntil(grant);
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
