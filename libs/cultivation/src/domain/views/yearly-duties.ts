// Yearly duties (DOMAIN.md): who owes an information update in a year, by when, and whether it is met by a date.
// The deadlines are policy data (TierPolicy.yearlyDuties), judged by the version in force on the due day
// (annual update) or on the grant's day (first filing).
import { addMonths, type CalendarDate } from '../shared/calendar-date';
import type { Tier } from '../policy/vocabulary';
import { tierPoliciesOn, tierPolicyOn, type Policies } from '../policy/policy';
import { POLICY_VERSIONS } from '../policy/tier-policy';
import type { EnterpriseState } from '../enterprise/state';
import { countingSegments } from './counting-segments';

export interface DutyDue {
  readonly kind: 'ANNUAL_UPDATE' | 'FIRST_FILING';
  readonly dueOn: CalendarDate;
  /** The certifications that make it due. */
  readonly tiers: readonly Tier[];
}

/** The tiers whose holders owe an annual update in `year`, with the day it is due, per policy version. */
export function annualUpdateDeadlines(year: number, versions: Policies = POLICY_VERSIONS): Map<CalendarDate, Tier[]> {
  const out = new Map<CalendarDate, Tier[]>();
  const jan1 = `${year}-01-01` as CalendarDate;
  for (const policy of tierPoliciesOn(jan1, versions)) {
    const due = policy.yearlyDuties?.annualUpdateDue;
    if (!due) continue;
    const on = `${year}-${due}` as CalendarDate;
    // the version in force on the due day decides
    if (tierPolicyOn(policy.tier, on, versions).yearlyDuties?.annualUpdateDue !== due) continue;
    out.set(on, [...(out.get(on) ?? []), policy.tier]);
  }
  return out;
}

/** The longest first-filing period of any tier (how far before `year` a grant can fall due in it). */
export function longestFirstFilingMonths(versions: Policies = POLICY_VERSIONS): number {
  return Math.max(
    0,
    ...versions.flatMap((v) => Object.values(v.tiers).map((p) => p?.yearlyDuties?.firstFilingMonths ?? 0)),
  );
}

/** The enterprise's duties falling due in `year` that are not met on `asOf` (and are past due then). */
export function overdueDuties(
  state: EnterpriseState,
  year: number,
  asOf: CalendarDate,
  versions: Policies = POLICY_VERSIONS,
): DutyDue[] {
  if (state.status === 'UNREGISTERED') return [];
  const updates = (state.annualUpdates ?? []).filter((u) => u.submittedOn <= asOf);
  const out: DutyDue[] = [];
  const held = countingSegments(state).filter((s) => s.metric === 'ACTIVE' && s.level === 'ANY');
  for (const [dueOn, tiers] of annualUpdateDeadlines(year, versions)) {
    const holding = tiers.filter((t) => held.some((s) => s.tier === t && s.from <= dueOn && (s.until ?? '9') > dueOn));
    if (holding.length === 0 || dueOn >= asOf) continue;
    if (updates.some((u) => u.year === year)) continue;
    out.push({ kind: 'ANNUAL_UPDATE', dueOn, tiers: holding });
  }
  for (const g of state.grants) {
    if (g.retracted) continue;
    const months = tierPolicyOn(g.tier, g.grantedOn, versions).yearlyDuties?.firstFilingMonths;
    if (!months) continue;
    const dueOn = addMonths(g.grantedOn, months);
    if (Number(dueOn.slice(0, 4)) !== year || dueOn >= asOf) continue;
    if (updates.some((u) => u.submittedOn >= g.grantedOn)) continue;
    out.push({ kind: 'FIRST_FILING', dueOn, tiers: [g.tier] });
  }
  return out;
}
