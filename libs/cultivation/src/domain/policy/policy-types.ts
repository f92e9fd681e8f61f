// The shape of an effective-dated policy. Data lives in tier-policy.ts; this file only says what
// a version may express, so the 2026 revision can be added as data without new code.
import type { CalendarDate } from '../shared/calendar-date';
import type { CertificationLevel, Ladder, Tier } from './vocabulary';

/** How long one grant runs from its start day. */
export type ValidityRule =
  | { readonly kind: 'END_OF_START_YEAR' } // annual registration: through 31 Dec of that year
  | { readonly kind: 'YEARS'; readonly years: number }; // start + n years − 1 day

/** STRICT refuses a grant without the prerequisite; RECORD accepts it and records the skip. */
export type PrerequisiteMode = 'STRICT' | 'RECORD';

export interface Prerequisite {
  readonly tier: Tier;
  readonly mode: PrerequisiteMode;
}

export type CertificateNoFormat =
  | { readonly kind: 'PATTERN'; readonly pattern: RegExp; readonly description: string }
  | { readonly kind: 'FREE_TEXT'; readonly maxLength: number };

export interface TierPolicy {
  readonly tier: Tier;
  readonly ladder: Ladder;
  readonly rung: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly levels: readonly CertificationLevel[];
  readonly defaultLevel: CertificationLevel;
  readonly defaultValidity: ValidityRule;
  readonly maxValidity: ValidityRule;
  /** Held (counting) on the grant's date, or granted the same day before it. */
  readonly prerequisites: readonly Prerequisite[];
  readonly certificateNo: CertificateNoFormat;
}

export interface PolicyVersion {
  readonly id: string;
  /** First effective date this version judges; it holds until the next version's. */
  readonly effectiveFrom: CalendarDate;
  readonly tiers: Readonly<Record<Tier, TierPolicy>>;
}
