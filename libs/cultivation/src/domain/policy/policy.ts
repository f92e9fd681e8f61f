// Reading the policy: which version judges a date, and what it says about validity and numbers.
import { InvalidInput } from '../errors';
import { addDays, endOfYear, fromEpochDay, type CalendarDate } from '../shared/calendar-date';
import type { PolicyVersion, TierPolicy, ValidityRule } from './policy-types';
import { POLICY_VERSIONS } from './tier-policy';
import { TIERS, type Tier } from './vocabulary';

/** The policy version in force on an effective date. */
export function policyOn(date: CalendarDate, versions: readonly PolicyVersion[] = POLICY_VERSIONS): PolicyVersion {
  let chosen = versions[0];
  for (const v of versions) if (v.effectiveFrom <= date) chosen = v;
  if (!chosen) throw new Error('no policy version configured');
  return chosen;
}

/** The policy of one tier on a date. */
export function tierPolicyOn(tier: Tier, date: CalendarDate): TierPolicy {
  return policyOn(date).tiers[tier];
}

/** The tiers of the policy in force on a date, in ladder/rung order. */
export function tierPoliciesOn(date: CalendarDate): TierPolicy[] {
  const { tiers } = policyOn(date);
  return TIERS.map((t) => tiers[t]);
}

/** Last valid day of a term starting on `start` under a validity rule. */
export function termEnd(rule: ValidityRule, start: CalendarDate): CalendarDate {
  if (rule.kind === 'END_OF_START_YEAR') return endOfYear(start);
  // start + n years − 1 day; a 29 February start rolls to 1 March first, so the term is full.
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return addDays(fromEpochDay(Date.UTC(y + rule.years, m - 1, d) / 86_400_000), -1);
}

/** Checks a certificate number against the tier's format; returns it trimmed, or undefined. */
export function parseCertificateNo(policy: TierPolicy, input: string | null | undefined): string | undefined {
  const no = input?.trim();
  if (!no) return undefined;
  const format = policy.certificateNo;
  const ok = format.kind === 'PATTERN' ? format.pattern.test(no) : no.length <= format.maxLength;
  if (ok) return no;
  const expected = format.kind === 'PATTERN' ? format.description : `at most ${format.maxLength} characters`;
  throw new InvalidInput('CERTIFICATE_NO_FORMAT', 'certificateNo', `${policy.tier} certificate number: ${expected}`);
}
