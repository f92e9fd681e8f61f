// The closed vocabularies shared by commands, events and views; they match the GraphQL enums.

/** Tier and group codes: the catalogue (TIERS) lives with the policy data in tier-policy.ts. */
export type { Tier } from './tier-policy';

export const LADDERS = ['TECH', 'SPECIALIZED'] as const;
export type Ladder = (typeof LADDERS)[number];

export const CERTIFICATION_LEVELS = ['NATIONAL', 'MUNICIPAL', 'DISTRICT'] as const;
export type CertificationLevel = (typeof CERTIFICATION_LEVELS)[number];

export const TARGET_METRICS = ['ACTIVE', 'CUMULATIVE'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const REVOCATION_REASONS = [
  'FRAUD',
  'SAFETY_OR_QUALITY_INCIDENT',
  'ENVIRONMENTAL_VIOLATION',
  'FAILED_REVIEW',
  'MISSED_REPORTING',
  'NO_LONGER_ELIGIBLE',
  'OTHER',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** Type guard for a member of one of the vocabularies above. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
