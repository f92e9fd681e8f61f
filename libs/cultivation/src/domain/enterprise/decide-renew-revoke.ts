// Renewal and revocation both act on the grant of the tier that counts on their date.
import { InvalidInput, RuleViolation } from '../errors';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { parseCertificateNo, tierPolicyOn } from '../policy/policy';
import { isOneOf, REVOCATION_REASONS, type Tier } from '../policy/vocabulary';
import { addDays, type CalendarDate } from '../shared/calendar-date';
import type { DecisionContext, RenewCertification, RevokeCertification } from './commands';
import { validUntilFor } from './decide-grant';
import { countsOn, currentValidUntil } from './grant';
import { lastTierDate, requireActive, requireNotBefore } from './guards';
import { effectiveDate, optionalText, parseTier } from './input';
import type { ActiveEnterprise, EnterpriseState, Grant } from './state';

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
  const policy = tierPolicyOn(tier, renewedOn);
  const certificateNo = parseCertificateNo(policy, data.certificateNo);
  requireNotBefore(renewedOn, lastTierDate(s, tier), 'renewedOn', tier);
  const current = currentValidUntil(activeGrant(s, tier, renewedOn, 'renewedOn'));
  // The re-reviewed term starts the day after the current one ends, so renewing early loses nothing.
  const validUntil = validUntilFor(policy, addDays(current, 1), data.validUntil, renewedOn);
  if (validUntil <= current) {
    throw new RuleViolation('RENEWAL_MUST_EXTEND', 'validUntil', `a renewal must extend validUntil beyond ${current}`);
  }
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
  if (!isOneOf(REVOCATION_REASONS, data.reason)) {
    throw new InvalidInput(
      'REVOCATION_REASON_UNKNOWN',
      'reason',
      `reason must be one of ${REVOCATION_REASONS.join(', ')}`,
    );
  }
  const note = optionalText(data.note, 'note', 500);
  requireNotBefore(revokedOn, lastTierDate(s, tier), 'revokedOn', tier);
  activeGrant(s, tier, revokedOn, 'revokedOn');
  return [{ type: 'CertificationRevoked', data: { tier, revokedOn, reason: data.reason, ...(note ? { note } : {}) } }];
}
