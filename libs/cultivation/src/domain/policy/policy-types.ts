// The shape of an effective-dated policy. Data lives in tier-policy.ts; this file only says what
// a version may express, so a revision (a new group, a new prerequisite) is added as data without new code.
import type { CalendarDate } from '../shared/calendar-date';
import type { CertificationLevel, Ladder, Tier } from './vocabulary';

/** How long one grant runs from its start day. */
export type ValidityRule =
  | { readonly kind: 'END_OF_START_YEAR' } // annual registration: through 31 Dec of that year
  | { readonly kind: 'YEARS'; readonly years: number }; // start + n years − 1 day

/** STRICT refuses a grant without the prerequisite; RECORD accepts it and records the skip. */
export type PrerequisiteMode = 'STRICT' | 'RECORD';

/** Satisfied when any one of `anyOf` is held (counting) on the grant's date. */
export interface Prerequisite {
  readonly anyOf: readonly Tier[];
  readonly mode: PrerequisiteMode;
}

export type CertificateNoFormat =
  | { readonly kind: 'PATTERN'; readonly pattern: RegExp; readonly description: string; readonly example: string }
  | { readonly kind: 'FREE_TEXT'; readonly maxLength: number };

/** What every entry of the tier catalogue shows (GraphQL TierInfo). */
export interface TierDescription {
  readonly tier: Tier;
  readonly ladder: Ladder;
  readonly rung: number;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** A certificate tier: granted, renewed, revoked, lapsed. */
export interface TierPolicy extends TierDescription {
  readonly levels: readonly CertificationLevel[];
  readonly defaultLevel: CertificationLevel;
  readonly defaultValidity: ValidityRule;
  readonly maxValidity: ValidityRule;
  /** Each must be held (counting) on the grant's date, or granted the same day before it. */
  readonly prerequisites: readonly Prerequisite[];
  readonly certificateNo: CertificateNoFormat;
  /** A term may be renewed (re-reviewed) once, on a date no more than this many months before it ends. */
  readonly renewalWindowMonths: number;
  /** The platforms' information duties of a holder (DOMAIN.md, Yearly duties); absent: none. */
  readonly yearlyDuties?: YearlyDuties;
}

/** When a holder must update its information on the platforms. */
export interface YearlyDuties {
  /** Holders on this day of each year (MM-DD) owe that year's update by it. */
  readonly annualUpdateDue?: string;
  /** A new grant owes a first filing within this many months of grantedOn (met by any update on or after it). */
  readonly firstFilingMonths?: number;
}

/** A tier group: never granted itself; held on a date by holding a counting grant of any member. */
export interface TierGroup extends TierDescription {
  readonly members: readonly Tier[];
}

export interface PolicyVersion {
  readonly id: string;
  /** First effective date this version judges; it holds until the next version's. */
  readonly effectiveFrom: CalendarDate;
  /** The documents the version follows. */
  readonly source: string;
  /** What the version changes, in a sentence or two. */
  readonly summary: string;
  /** The certificate tiers in force (a tier absent here cannot be granted under this version). */
  readonly tiers: Readonly<Partial<Record<Tier, TierPolicy>>>;
  readonly groups: readonly TierGroup[];
}
