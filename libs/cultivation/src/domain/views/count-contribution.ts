// What one enterprise adds to the cohort's counts on given dates: the same segments and occurrences the
// read models sum (countingSegments, occurrences), evaluated at a few dates. The difference of two states'
// contributions is what a late event changed, so "as known at" and a restatement share this definition.
import type { CalendarDate } from '../shared/calendar-date';
import type { EnterpriseState } from '../enterprise/state';
import { countingSegments, type CountingSegment } from './counting-segments';
import { occurrences, type Occurrence } from './history';

/** What an enterprise state adds to the counts: its counting segments and dated occurrences. */
export interface CountFacts {
  readonly segments: readonly CountingSegment[];
  readonly occurrences: readonly Occurrence[];
}

/** The count facts of a state (what the projector sums into the count tree). */
export function countFacts(state: EnterpriseState): CountFacts {
  return { segments: countingSegments(state), occurrences: occurrences(state) };
}

/** The city-wide pseudo district of the counts. */
export const CITY = '*';

/** Which counts to evaluate: dates, districts (CITY for the whole city), metrics, and optionally a tier and level. */
export interface ContributionQuery {
  readonly dates: readonly CalendarDate[];
  readonly districts: readonly string[];
  readonly metrics: readonly string[];
  readonly tier?: string;
  readonly level?: string;
}

/** Key of one count: date|district|metric|tier|level. */
export const countKey = (on: string, district: string, metric: string, tier: string, level: string) =>
  `${on}|${district}|${metric}|${tier}|${level}`;

/** The enterprise's contribution (+1 each) to every count the query asks for, keyed by countKey. */
export function contribution(state: EnterpriseState | CountFacts, q: ContributionQuery): Map<string, number> {
  const facts = 'segments' in state ? state : countFacts(state);
  const out = new Map<string, number>();
  const add = (on: string, district: string, metric: string, tier: string, level: string) => {
    if (!q.metrics.includes(metric) || (q.tier && q.tier !== tier) || (q.level && q.level !== level)) return;
    for (const d of [district, CITY]) {
      if (!q.districts.includes(d)) continue;
      const k = countKey(on, d, metric, tier, level);
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  };
  for (const s of facts.segments)
    for (const on of q.dates)
      if (s.from <= on && (s.until === null || on < s.until)) add(on, s.districtCode, s.metric, s.tier, s.level);
  for (const o of facts.occurrences)
    for (const on of q.dates) if (o.on <= on) add(on, o.districtCode, o.kind, o.tier, 'ANY');
  return out;
}

/** after − before, per key, without the zeros. */
export function contributionChange(
  before: EnterpriseState | CountFacts,
  after: EnterpriseState | CountFacts,
  q: ContributionQuery,
): Map<string, number> {
  const change = contribution(after, q);
  for (const [k, n] of contribution(before, q)) change.set(k, (change.get(k) ?? 0) - n);
  for (const [k, n] of change) if (n === 0) change.delete(k);
  return change;
}
