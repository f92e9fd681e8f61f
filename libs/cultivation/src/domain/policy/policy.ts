// Reading the policy: which version judges a date, what it says about tiers, groups, validity and
// numbers. Every lookup takes the version list as an argument (default: the policy file), so a spec
// can judge commands by a version that exists only in the spec.
import { InvalidInput } from '../errors';
import { addDays, addMonths, endOfYear, fromEpochDay, type CalendarDate } from '../shared/calendar-date';
import type { PolicyVersion, TierDescription, TierGroup, TierPolicy, ValidityRule } from './policy-types';
import { POLICY_VERSIONS, TIERS } from './tier-policy';
import type { CertificationLevel, Tier } from './vocabulary';

export type Policies = readonly PolicyVersion[];

/** The policy version in force on an effective date. */
export function policyOn(date: CalendarDate, versions: Policies = POLICY_VERSIONS): PolicyVersion {
  let chosen = versions[0];
  for (const v of versions) if (v.effectiveFrom <= date) chosen = v;
  if (!chosen) throw new Error('no policy version configured');
  return chosen;
}

/** The certificate tier's policy on a date, or undefined when it is a group or not in force then. */
export function grantablePolicyOn(tier: Tier, date: CalendarDate, versions: Policies = POLICY_VERSIONS) {
  return policyOn(date, versions).tiers[tier];
}

/** The policy of a certificate tier on a date; refuses a group or a tier not in force (TIER_NOT_GRANTABLE). */
export function tierPolicyOn(tier: Tier, date: CalendarDate, versions: Policies = POLICY_VERSIONS): TierPolicy {
  const policy = grantablePolicyOn(tier, date, versions);
  if (policy) return policy;
  const version = policyOn(date, versions);
  const group = version.groups.find((g) => g.tier === tier);
  throw new InvalidInput(
    'TIER_NOT_GRANTABLE',
    'tier',
    group
      ? `${tier} is a group held through ${group.members.join(' or ')}; it is never granted, renewed or revoked itself`
      : `${tier} is not a certificate tier under policy ${version.id} in force on ${date}`,
  );
}

/** The certificate tiers of the policy in force on a date, in catalogue order. */
export function tierPoliciesOn(date: CalendarDate, versions: Policies = POLICY_VERSIONS): TierPolicy[] {
  const { tiers } = policyOn(date, versions);
  return TIERS.flatMap((t) => tiers[t] ?? []);
}

/** A catalogue entry as TierInfo shows it: a certificate tier (members []) or a group. */
export interface TierEntry extends TierDescription {
  readonly grantable: boolean;
  readonly members: readonly Tier[];
}

const entryOf = (p: TierPolicy | TierGroup): TierEntry => ({
  tier: p.tier,
  ladder: p.ladder,
  rung: p.rung,
  nameZh: p.nameZh,
  nameEn: p.nameEn,
  grantable: !('members' in p),
  members: 'members' in p ? [...p.members] : [],
});

function entryIn(version: PolicyVersion, tier: Tier): TierEntry | undefined {
  const p = version.tiers[tier] ?? version.groups.find((g) => g.tier === tier);
  return p && entryOf(p);
}

/** The tiers and groups of the version in force on a date, in catalogue order. */
export function tierEntriesOn(date: CalendarDate, versions: Policies = POLICY_VERSIONS): TierEntry[] {
  const version = policyOn(date, versions);
  return TIERS.flatMap((t) => entryIn(version, t) ?? []);
}

/**
 * How a tier or group is described on a date: by the version in force, else (a group asked about
 * before it existed) by the nearest version that has it, later ones first.
 */
export function tierEntryOn(tier: Tier, date: CalendarDate, versions: Policies = POLICY_VERSIONS): TierEntry {
  const inForce = entryIn(policyOn(date, versions), tier);
  if (inForce) return inForce;
  const later = versions.filter((v) => v.effectiveFrom > date);
  const earlier = versions.filter((v) => v.effectiveFrom <= date).reverse();
  for (const v of [...later, ...earlier]) {
    const entry = entryIn(v, tier);
    if (entry) return entry;
  }
  throw new Error(`tier ${tier} is in no policy version`);
}

/**
 * Every group of any version (the latest definition of each). The read side counts a group on every
 * date from its members' grants, so its trend is comparable across the version that introduced it.
 */
export function allTierGroups(versions: Policies = POLICY_VERSIONS): TierGroup[] {
  const groups = new Map<Tier, TierGroup>();
  for (const v of versions) for (const g of v.groups) groups.set(g.tier, g);
  return TIERS.flatMap((t) => groups.get(t) ?? []);
}

/** True when the code names a group in some version (never a certificate). */
export function isTierGroup(tier: Tier, versions: Policies = POLICY_VERSIONS): boolean {
  return allTierGroups(versions).some((g) => g.tier === tier);
}

/** The certificate tiers whose grants hold a tier: a group's members, else the tier itself. */
export function tiersHolding(tier: Tier, versions: Policies = POLICY_VERSIONS): readonly Tier[] {
  return allTierGroups(versions).find((g) => g.tier === tier)?.members ?? [tier];
}

/** The levels a tier is certified at on a date; for a group, those of any member. */
export function levelsOn(tier: Tier, date: CalendarDate, versions: Policies = POLICY_VERSIONS): CertificationLevel[] {
  const levels = new Set(
    tiersHolding(tier, versions).flatMap((t) => grantablePolicyOn(t, date, versions)?.levels ?? []),
  );
  return [...levels];
}

/** Last valid day of a term starting on `start` under a validity rule. */
export function termEnd(rule: ValidityRule, start: CalendarDate): CalendarDate {
  if (rule.kind === 'END_OF_START_YEAR') return endOfYear(start);
  // start + n years − 1 day; a 29 February start rolls to 1 March first, so the term is full.
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return addDays(fromEpochDay(Date.UTC(y + rule.years, m - 1, d) / 86_400_000), -1);
}

/** First day a renewal of a term ending on `termEnd` may be recorded: the term then ends within the tier's window. */
export function renewalDueFrom(policy: TierPolicy, termEnd: CalendarDate): CalendarDate {
  return addDays(addMonths(termEnd, -policy.renewalWindowMonths), 1);
}

/** Checks a certificate number against the tier's format; returns it trimmed, or undefined. */
export function parseCertificateNo(policy: TierPolicy, input: string | null | undefined): string | undefined {
  const no = input?.trim();
  if (!no) return undefined;
  const format = policy.certificateNo;
  const ok = format.kind === 'PATTERN' ? format.pattern.test(no) : no.length <= format.maxLength;
  if (ok) return no;
  const expected = format.kind === 'PATTERN' ? format.description : `at most ${format.maxLength} characters`;
  // the expected form travels in details, so a client can show it in its own words
  const details =
    format.kind === 'PATTERN'
      ? { tier: policy.tier, expected: format.description, example: format.example }
      : { tier: policy.tier, maxLength: format.maxLength };
  throw new InvalidInput(
    'CERTIFICATE_NO_FORMAT',
    'certificateNo',
    `${policy.tier} certificate number: ${expected}`,
    details,
  );
}
