// What each root field costs to answer, for the query cost limit (QueryLimits in @cl/platform). A unit is about
// one row read or built; a field's child cost is what one of its items selects. Measured on main (2026-12-01):
// 450 aliased cohortProgress with distinct dates took 1.1 s, 2,000 cohortTrend about a minute; a page of 500
// enterprises with every field and their certifications is about 46,000 units and must fit under MAX_QUERY_COST.
import type { QueryLimits, RootCost } from '@cl/platform';

/** The most one request may cost. */
export const MAX_QUERY_COST = 100_000;

/** Progress rows per answer: seven tiers and the tier groups. */
const PROGRESS_ROWS = 12;
const DISTRICT_COUNT = 16;
/** Events assumed in one enterprise's stream. */
const HISTORY_EVENTS = 50;

const MONTHS: Record<string, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** Trend points between from and to (the resolver refuses ranges past MAX_TREND_POINTS itself). */
function trendPoints(args: Record<string, unknown>): number {
  const month = (d: unknown) => (typeof d === 'string' ? Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) : NaN);
  const span = month(args.to) - month(args.from);
  const points = Math.floor(span / (MONTHS[String(args.interval)] ?? 1)) + 1;
  return Number.isFinite(points) ? Math.min(Math.max(points, 1), 1000) : 1;
}

const page = (args: Record<string, unknown>) => (typeof args.first === 'number' ? Math.max(args.first, 1) : 50);

const ROOT_COSTS: Record<string, RootCost> = {
  // a cold answer counts intervals and aggregates per tier; the cache helps only repeats of the same arguments
  cohortProgress: (_args, child) => 250 + PROGRESS_ROWS * child,
  districtBreakdown: (_args, child) => 50 + DISTRICT_COUNT * child,
  cohortTrend: (args, child) => 50 + trendPoints(args) * (10 + child),
  ladderFunnel: (_args, child) => 100 + 6 * child,
  enterprise: (_args, child) => 5 + child,
  enterprises: (args, child) => 20 + page(args) * child,
  expiringCertifications: (args, child) => 20 + page(args) * child,
  enterpriseHistory: (_args, child) => 20 + HISTORY_EVENTS * child,
  enterpriseAsOf: (_args, child) => 20 + child,
  projectionStatus: (_args, child) => 10 + child,
  // writes: a command loads and folds one stream; an import is bounded by the body size and its own rate limit
  importCertifications: (_args, child) => 5000 + child,
  recordLapses: () => 5000,
  setTarget: (_args, child) => 200 + child,
};

/** The service's query limits: shape limits and the cost table above. */
export const QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 100,
  maxDirectives: 50,
  maxTokens: 5000,
  maxCost: MAX_QUERY_COST,
  rootCosts: ROOT_COSTS,
  listLength: 8,
};
