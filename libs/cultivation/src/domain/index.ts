// Public API of the pure cultivation domain: no framework, clock, randomness or I/O behind it.
export * from './errors';
export * from './rules';
export * from './shared/calendar-date';
export * from './shared/credit-code';
export * from './shared/districts';
export * from './shared/district-aliases';
export * from './shared/enterprise-name';
export * from './policy/vocabulary';
export * from './policy/policy-types';
export * from './policy/tier-policy';
export * from './policy/policy';
export * from './events/enterprise-events';
export * from './events/envelope';
export * from './events/schema-versions';
export * from './events/upcasters';
export * from './decider';
export * from './enterprise/commands';
export * from './enterprise/text-limits';
export * from './enterprise/state';
export {
  countsOn,
  currentValidUntil,
  currentCertificateNo,
  grantEnding,
  liveRenewals,
  termsOf,
  type Term,
  type Ending,
} from './enterprise/grant';
export { evolve, evolveOwned, fold } from './enterprise/evolve';
export { decide, enterpriseDecider } from './enterprise/decide';
export * from './views/certifications';
export * from './views/positions';
export * from './views/state-as-of';
export * from './views/counting-segments';
export * from './views/history';
export * from './views/locations';
export * from './views/count-contribution';
export * from './views/yearly-duties';
export * from './views/enterprise-view';
export * from './targets/targets-events';
export * from './targets/targets-decider';
export * from './views/stacked-renewals';
export * from './reports/report-events';
export * from './reports/publish-report';
