// GrantCertification: the richest command. The policy version in force on grantedOn judges
// level, validity, certificate number and prerequisites. History may arrive out of order: a grant
// dated before another of its tier is accepted when the two counting intervals do not overlap.
import { Conflict, InvalidInput, RuleViolation } from '../errors';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { parseCertificateNo, policyOn, termEnd, tierPolicyOn } from '../policy/policy';
import type { TierPolicy } from '../policy/policy-types';
import type { Tier } from '../policy/vocabulary';
import { addDays, parseCalendarDate, type CalendarDate } from '../shared/calendar-date';
import type { DecisionContext, GrantCertification } from './commands';
import { countsOn, grantEnding } from './grant';
import { requireActive } from './guards';
import { effectiveDate, optionalText, parseLevel, parseTier } from './input';
import { TEXT_LIMITS } from './text-limits';
import type { ActiveEnterprise, EnterpriseState, Grant } from './state';

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

/** RECORD prerequisites not held on the date; throws for a missing STRICT one. Any one of `anyOf` will do. */
function skippedPrerequisites(s: ActiveEnterprise, policy: TierPolicy, on: CalendarDate, version: string): Tier[] {
  const skipped: Tier[] = [];
  for (const p of policy.prerequisites) {
    if (s.grants.some((g) => p.anyOf.includes(g.tier) && countsOn(g, on))) continue;
    if (p.mode === 'RECORD') skipped.push(...p.anyOf);
    else
      throw new RuleViolation(
        'PREREQUISITE_MISSING',
        'tier',
        `${policy.tier} requires ${p.anyOf.join(' or ')} held on ${on} (policy ${version}; a same-day grant counts if recorded first)`,
        { tier: policy.tier, requires: p.anyOf, on, policyVersion: version },
      );
  }
  return skipped;
}

/**
 * Refuses counting days [from, validUntil] that meet another live grant of the tier, naming that
 * grant: TIER_ALREADY_ACTIVE when it counts on `from` (renew it instead), else GRANT_OVERLAPS (the
 * grant would still be counting when the other starts). `renewing` is the grant a renewal extends.
 */
export function refuseOverlap(
  s: ActiveEnterprise,
  tier: Tier,
  from: CalendarDate,
  validUntil: CalendarDate,
  field: string,
  renewing?: Grant,
): void {
  const end = addDays(validUntil, 1);
  // Each grant by the days it counts, as ended by a recorded revocation or deregistration: one revoked
  // early leaves its original validity free from the revocation on (and one revoked the day it began, all of it).
  const overlapping = s.grants.find((g: Grant) => {
    const ends = grantEnding(g).on;
    return g !== renewing && g.tier === tier && !g.retracted && g.grantedOn < ends && g.grantedOn < end && from < ends;
  });
  if (!overlapping) return;
  const countsUntil = grantEnding(overlapping).on;
  const lastDay = addDays(countsUntil, -1);
  const details = {
    overlappingEventId: overlapping.eventId,
    overlappingGrantedOn: overlapping.grantedOn,
    overlappingCountsThrough: lastDay,
  };
  const named = `grant ${overlapping.eventId} (${overlapping.grantedOn} – ${lastDay})`;
  if (countsOn(overlapping, from)) {
    throw new Conflict(
      'TIER_ALREADY_ACTIVE',
      'tier',
      `${tier} is already active on ${from} through ${named}: renew it instead`,
      details,
    );
  }
  throw new Conflict('GRANT_OVERLAPS', field, `${tier} from ${from} to ${validUntil} would overlap ${named}`, details);
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
  const policy = tierPolicyOn(tier, grantedOn, ctx.policy);
  const level = parseLevel(policy, data.level);
  const certificateNo = parseCertificateNo(policy, data.certificateNo);
  const batch = optionalText(data.batch, 'batch', TEXT_LIMITS.batch);
  const validUntil = validUntilFor(policy, grantedOn, data.validUntil, grantedOn);
  refuseOverlap(s, tier, grantedOn, validUntil, 'grantedOn');
  const skipped = skippedPrerequisites(s, policy, grantedOn, policyOn(grantedOn, ctx.policy).id);
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
