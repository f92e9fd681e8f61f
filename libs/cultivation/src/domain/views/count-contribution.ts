// What one enterprise adds to the cohort's counts on given dates: the same segments and occurrences the
// read models sum (countingSegments, occurrences), evaluated at a few dates. The difference of two states'
// contributions is what a late event changed, so "as known at" and a restatement share this definition.
import type { CalendarDate } from '../shared/calendar-date';
import type { EnterpriseState } from '../enterprise/state';
import { countingSegments } from './counting-segments';
import { occurrences } from './history';

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
export function contribution(state: EnterpriseState, q: ContributionQuery): Map<string, number> {
  const out = new Map<string, number>();
  const add = (on: string, district: string, metric: string, tier: string, level: string) => {
    if (!q.metrics.includes(metric) || (q.tier && q.tier !== tier) || (q.level && q.level !== level)) return;
    for (const d of [district, CITY]) {
      if (!q.districts.includes(d)) continue;
      const k = countKey(on, d, metric, tier, level);
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  };
  for (const s of countingSegments(state))
    for (const on of q.dates)
      if (s.from <= on && (s.until === null || on < s.until)) add(on, s.districtCode, s.metric, s.tier, s.level);
  for (const o of occurrences(state))
    for (const on of q.dates) if (o.on <= on) add(on, o.districtCode, o.kind, o.tier, 'ANY');
  return out;
}

/** after − before, per key, without the zeros. */
export function contributionChange(
  before: EnterpriseState,
  after: EnterpriseState,
  q: ContributionQuery,
): Map<string, number> {
  const change = contribution(after, q);
  for (const [k, n] of contribution(before, q)) change.set(k, (change.get(k) ?? 0) - n);
  for (const [k, n] of change) if (n === 0) change.delete(k);
  return change;
}
