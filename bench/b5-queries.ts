// B5 queries: p50/p99 at 32 concurrent clients for each read query, against `{__typename}` on the
// same server (the framework's floor). Arguments vary per request (dates over the cohort's last two
// years, districts, tiers, enterprises) so the in-process result cache is mostly missed; one extra
// row repeats the same cohortProgress, which the cache answers.
import { demoEnterprise, DISTRICTS, TIERS } from '@cl/cultivation';
import { graphqlLoad, type LoadResult } from './common';
import { token } from './api';
import { CONCURRENCY } from './b2-commands';
import { BENCH_SEED, BENCH_TODAY } from './seed';

const DURATION_MS = 10_000;
const WARMUP_MS = 1_000;
/** Then one client alone: the service time without queueing behind 31 others. */
const SINGLE_MS = 3_000;

/** B5's cohortProgress (the engines bench asks it too); knownAt for the as-known-at pair (B6). */
export const COHORT_PROGRESS = `query($asOf: Date, $district: String, $knownAt: DateTime) {
    cohortProgress(asOf: $asOf, district: $district, knownAt: $knownAt) {
    tier { tier nameZh } metric level target current active cumulative percent remaining
    requiredMonthlyPace recentMonthlyPace projectedAtDeadline onTrack } }`;

const QUERIES = {
  cohortProgress: COHORT_PROGRESS,
  districtBreakdown: `query($asOf: Date, $tier: Tier!) { districtBreakdown(asOf: $asOf, tier: $tier) {
    district { code name } active cumulative } }`,
  cohortTrend: `query($tier: Tier!, $from: Date!, $to: Date!, $district: String) {
    cohortTrend(tier: $tier, from: $from, to: $to, interval: MONTH, district: $district) {
    periodStart active cumulative granted renewed ended } }`,
  enterprise: `query($c: String!) { enterprise(creditCode: $c) { creditCode name district { code } industryCode version
    deregisteredOn positions { ladder rung tier } certifications { tier level state grantedOn validUntil endedOn eventId } } }`,
  enterpriseHistory: `query($c: String!) { enterpriseHistory(creditCode: $c) {
    eventId type version position recordedAt source actor commandId correlationId data } }`,
  enterpriseAsOf: `query($c: String!, $on: Date!) { enterpriseAsOf(creditCode: $c, on: $on) { on knownAt
    enterprise { creditCode name district { code } version certifications { tier level state grantedOn validUntil } } } }`,
} as const;

export type QueryName =
  | keyof typeof QUERIES
  | 'cohortProgress (cached)'
  | '{__typename}'
  | 'cohortProgress (late window)'
  | 'cohortProgress (knownAt, 1,000 late)';
/** The knownAt pair (run after bench/b6-known-at.ts recorded the late events): plain, then knownAt, same dates. */
export const KNOWN_AT_PAIR: QueryName[] = ['cohortProgress (late window)', 'cohortProgress (knownAt, 1,000 late)'];
export const QUERY_ORDER: QueryName[] = [
  '{__typename}',
  'cohortProgress',
  'cohortProgress (cached)',
  'districtBreakdown',
  'cohortTrend',
  'enterprise',
  'enterpriseHistory',
  'enterpriseAsOf',
];

/** A deterministic sequence of picks, so both scales ask the same questions. */
function picker(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

const DAY = 86_400_000;
const LAST = Date.parse(`${BENCH_TODAY}T00:00:00Z`);
const dateBack = (days: number) => new Date(LAST - days * DAY).toISOString().slice(0, 10);

export interface QueryFigures {
  /** 32 clients. */
  readonly loaded: Record<QueryName, LoadResult>;
  /** 1 client. */
  readonly single: Record<QueryName, LoadResult>;
}

export interface QueryBenchOptions {
  /** These queries only (default QUERY_ORDER). */
  only?: readonly QueryName[];
  /** Wraps each 32-client load (the command-path bench adds the CPU it cost). */
  measure?: (work: () => Promise<LoadResult>) => Promise<LoadResult>;
  /** For KNOWN_AT_PAIR: the moment before the late events, and how many days back their dates go. */
  knownAt?: { at: string; windowDays: number };
}

export async function benchQueries(
  apiUrl: string,
  scale: number,
  log: (line: string) => void,
  options: QueryBenchOptions = {},
): Promise<QueryFigures> {
  const analyst = await token('ANALYST');
  const auditor = await token('AUDITOR');
  const pick = picker(2026);
  const codes = Array.from({ length: 2_000 }, () => demoEnterprise(BENCH_SEED, pick(scale), BENCH_TODAY).creditCode);
  const district = () => (pick(DISTRICTS.length + 1) === 0 ? null : DISTRICTS[pick(DISTRICTS.length)]!.code);
  const bodies: Record<QueryName, () => { query: string; variables?: Record<string, unknown>; token?: string }> = {
    '{__typename}': () => ({ query: '{ __typename }' }),
    cohortProgress: () => ({
      query: QUERIES.cohortProgress,
      variables: { asOf: dateBack(pick(730)), district: district() },
      token: analyst,
    }),
    'cohortProgress (late window)': () => ({
      query: QUERIES.cohortProgress,
      variables: { asOf: dateBack(pick(options.knownAt?.windowDays ?? 1)), district: district() },
      token: analyst,
    }),
    'cohortProgress (knownAt, 1,000 late)': () => ({
      query: QUERIES.cohortProgress,
      variables: {
        asOf: dateBack(pick(options.knownAt?.windowDays ?? 1)),
        district: district(),
        knownAt: options.knownAt?.at,
      },
      token: analyst,
    }),
    'cohortProgress (cached)': () => ({
      query: QUERIES.cohortProgress,
      variables: { asOf: BENCH_TODAY },
      token: analyst,
    }),
    districtBreakdown: () => ({
      query: QUERIES.districtBreakdown,
      variables: { asOf: dateBack(pick(730)), tier: TIERS[pick(TIERS.length)] },
      token: analyst,
    }),
    cohortTrend: () => ({
      query: QUERIES.cohortTrend,
      variables: {
        tier: TIERS[pick(TIERS.length)],
        from: dateBack(730 + pick(30)),
        to: BENCH_TODAY,
        district: district(),
      },
      token: analyst,
    }),
    enterprise: () => ({ query: QUERIES.enterprise, variables: { c: codes[pick(codes.length)] }, token: analyst }),
    enterpriseHistory: () => ({
      query: QUERIES.enterpriseHistory,
      variables: { c: codes[pick(codes.length)] },
      token: auditor,
    }),
    enterpriseAsOf: () => ({
      query: QUERIES.enterpriseAsOf,
      variables: { c: codes[pick(codes.length)], on: dateBack(pick(1_500)) },
      token: analyst,
    }),
  };
  const results = {} as Record<QueryName, LoadResult>;
  const single = {} as Record<QueryName, LoadResult>;
  const measure = options.measure ?? ((work: () => Promise<LoadResult>) => work());
  for (const name of options.only ?? QUERY_ORDER) {
    await graphqlLoad({ url: apiUrl, concurrency: CONCURRENCY, durationMs: WARMUP_MS, body: bodies[name] });
    const r = await measure(() =>
      graphqlLoad({ url: apiUrl, concurrency: CONCURRENCY, durationMs: DURATION_MS, body: bodies[name] }),
    );
    if (r.errors > 0) log(`  B5 ${name}: ${r.errors} errors, first: ${r.firstError}`);
    log(`  B5 ${name}: ${Math.round(r.perSecond)}/s p50 ${r.p50Ms.toFixed(1)} ms p99 ${r.p99Ms.toFixed(1)} ms`);
    results[name] = r;
    single[name] = await graphqlLoad({ url: apiUrl, concurrency: 1, durationMs: SINGLE_MS, body: bodies[name] });
    log(`    1 client: p50 ${single[name].p50Ms.toFixed(1)} ms p99 ${single[name].p99Ms.toFixed(1)} ms`);
  }
  return { loaded: results, single };
}
