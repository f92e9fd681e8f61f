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

/** Count facts with a weight each: many enterprises' changes summed, equal facts merged (see netChange). */
export interface WeightedFacts {
  readonly segments: readonly (readonly [CountingSegment, number])[];
  readonly occurrences: readonly (readonly [Occurrence, number])[];
}

/** What the facts add to every count the query asks for (each fact its weight), keyed by countKey. */
export function weightedContribution(facts: WeightedFacts, q: ContributionQuery): Map<string, number> {
  const out = new Map<string, number>();
  const add = (on: string, district: string, metric: string, tier: string, level: string, n: number) => {
    if (!q.metrics.includes(metric) || (q.tier && q.tier !== tier) || (q.level && q.level !== level)) return;
    for (const d of [district, CITY]) {
      if (!q.districts.includes(d)) continue;
      const k = countKey(on, d, metric, tier, level);
      out.set(k, (out.get(k) ?? 0) + n);
    }
  };
  for (const [s, n] of facts.segments)
    for (const on of q.dates)
      if (s.from <= on && (s.until === null || on < s.until)) add(on, s.districtCode, s.metric, s.tier, s.level, n);
  for (const [o, n] of facts.occurrences)
    for (const on of q.dates) if (o.on <= on) add(on, o.districtCode, o.kind, o.tier, 'ANY', n);
  return out;
}

/** The enterprise's contribution (+1 each) to every count the query asks for, keyed by countKey. */
export function contribution(state: EnterpriseState | CountFacts, q: ContributionQuery): Map<string, number> {
  const facts = 'segments' in state ? state : countFacts(state);
  return weightedContribution(
    { segments: facts.segments.map((s) => [s, 1]), occurrences: facts.occurrences.map((o) => [o, 1]) },
    q,
  );
}

/**
 * The sum of many changes (after − before each) as weighted facts: equal facts are merged and what a change's
 * before and after share cancels out. Evaluated with weightedContribution it gives the sum of the changes'
 * contributionChange, at a cost that grows with the distinct facts changed (1,000 late grants of one tier in 16
 * districts on one day are a few dozen), not with the enterprises nor with all of their facts.
 */
export function netChange(changes: Iterable<{ before: CountFacts; after: CountFacts }>): WeightedFacts {
  const segments = new Map<string, [CountingSegment, number]>();
  const occurrences = new Map<string, [Occurrence, number]>();
  const put = <T>(into: Map<string, [T, number]>, facts: readonly T[], n: number) => {
    for (const fact of facts) {
      const key = JSON.stringify(fact);
      const entry = into.get(key);
      if (entry) entry[1] += n;
      else into.set(key, [fact, n]);
    }
  };
  for (const { before, after } of changes) {
    put(segments, after.segments, 1);
    put(segments, before.segments, -1);
    put(occurrences, after.occurrences, 1);
    put(occurrences, before.occurrences, -1);
  }
  const nonZero = <T>(m: Map<string, [T, number]>) => [...m.values()].filter(([, n]) => n !== 0);
  return { segments: nonZero(segments), occurrences: nonZero(occurrences) };
}

/** after − before, per key, without the zeros. */
export function contributionChange(
  before: EnterpriseState | CountFacts,
  after: EnterpriseState | CountFacts,
  q: ContributionQuery,
): Map<string, number> {
  const facts = (s: EnterpriseState | CountFacts) => ('segments' in s ? s : countFacts(s));
  const change = weightedContribution(netChange([{ before: facts(before), after: facts(after) }]), q);
  for (const [k, n] of change) if (n === 0) change.delete(k);
  return change;
}
