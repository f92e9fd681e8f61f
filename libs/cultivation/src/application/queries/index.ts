// The read side's query services: plain injectable classes returning the contract's shapes.
export * from './contract-types';
export { toCertification, toEnterprise } from './enterprises/to-enterprise';
export { ProgressQueries, MAX_TREND_POINTS } from './progress-queries';
export { EnterpriseQueries, type EnterpriseFilterInput } from './enterprise-queries';
export { ProjectionStatusQueries } from './status-queries';
export { LiveQueries } from './live-queries';
export { LiveFeedFull, type LiveFeedLimits } from './live/live-feed';
export { InvalidQueryInput, MAX_PAGE, dateArg } from './query-input';
export { type ReadScope } from './read-scope';
export { toTierInfo } from './tier-info';
export {
  pace,
  monthsBetween,
  monthsBefore,
  DAYS_PER_MONTH,
  RECENT_MONTHS,
  type Pace,
  type PaceInput,
} from './progress/pace';
export type { TrendInterval } from './progress/periods';
