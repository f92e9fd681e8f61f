// GrantCertification: the richest command. The policy version in force on grantedOn judges
// level, validity, certificate number and prerequisites.
import { Conflict, InvalidInput, RuleViolation } from '../errors';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { parseCertificateNo, termEnd, tierPolicyOn } from '../policy/policy';
import type { TierPolicy } from '../policy/policy-types';
import type { Tier } from '../policy/vocabulary';
import { parseCalendarDate, type CalendarDate } from '../shared/calendar-date';
import type { DecisionContext, GrantCertification } from './commands';
import { countsOn } from './grant';
import { lastTierDate, requireActive, requireNotBefore } from './guards';
import { effectiveDate, optionalText, parseLevel, parseTier } from './input';
import type { ActiveEnterprise, EnterpriseState } from './state';

/** validUntil as given (or the policy default), after `after` and within the max term from `start`. */
export function validUntilFor(
  policy: TierPolicy,
  start: CalendarDate,
  input: unknown,
  after: CalendarDate,
): CalendarDate {
  const validUntil = input == null ? termEnd(policy.defaultValidity, start) : parseCalendarDate(input, 'validUntil');
  if (validUntil <= after) {
    throw new InvalidInput(
      'VALID_UNTIL_NOT_AFTER_START',
      'validUntil',
      `validUntil ${validUntil} must be after ${after}`,
    );
  }
  const max = termEnd(policy.maxValidity, start);
  if (validUntil > max) {
    throw new InvalidInput(
      'VALID_UNTIL_EXCEEDS_MAX',
      'validUntil',
      `${policy.tier} runs at most until ${max} from ${start}`,
    );
  }
  return validUntil;
}

/** RECORD prerequisites not held on the date; throws for a missing STRICT one. */
function skippedPrerequisites(s: ActiveEnterprise, policy: TierPolicy, on: CalendarDate): Tier[] {
  const skipped: Tier[] = [];
  for (const p of policy.prerequisites) {
    if (s.grants.some((g) => g.tier === p.tier && countsOn(g, on))) continue;
    if (p.mode === 'RECORD') skipped.push(p.tier);
    else
      throw new RuleViolation(
        'PREREQUISITE_MISSING',
        'tier',
        `${policy.tier} requires ${p.tier} held on ${on} (same-day grant counts if recorded first)`,
      );
  }
  return skipped;
}

/** Decides a GrantCertification command. */
export function decideGrant(
  { data }: GrantCertification,
  state: EnterpriseState,
  ctx: DecisionContext,
): EnterpriseEvent[] {
  const s = requireActive(state);
  const tier = parseTier(data.tier);
  const grantedOn = effectiveDate(data.grantedOn, 'grantedOn', ctx);
  const policy = tierPolicyOn(tier, grantedOn);
  const level = parseLevel(policy, data.level);
  const certificateNo = parseCertificateNo(policy, data.certificateNo);
  const batch = optionalText(data.batch, 'batch', 64);
  const validUntil = validUntilFor(policy, grantedOn, data.validUntil, grantedOn);
  requireNotBefore(grantedOn, lastTierDate(s, tier), 'grantedOn', tier);
  if (s.grants.some((g) => g.tier === tier && countsOn(g, grantedOn))) {
    throw new Conflict('TIER_ALREADY_ACTIVE', 'tier', `${tier} is already active on ${grantedOn}: renew it instead`);
  }
  const skipped = skippedPrerequisites(s, policy, grantedOn);
  return [
    {
      type: 'CertificationGranted',
      data: {
        tier,
        level,
        ...(certificateNo ? { certificateNo } : {}),
        grantedOn,
        validUntil,
        ...(batch ? { batch } : {}),
        skippedPrerequisites: skipped,
      },
    },
  ];
}
