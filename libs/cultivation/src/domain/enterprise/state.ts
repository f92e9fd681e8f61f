// Write-model state as variants: nothing before registration, nothing accepted after deregistration.
import type { CalendarDate } from '../shared/calendar-date';
import type { CertificationLevel, RevocationReason, Tier } from '../policy/vocabulary';

export interface Renewal {
  readonly eventId: string;
  readonly renewedOn: CalendarDate;
  readonly validUntil: CalendarDate;
  readonly certificateNo?: string;
  readonly retracted: boolean;
}

/** Why a grant stopped before (or at) its validity end, as recorded by an event. */
export type GrantEnd =
  | { readonly kind: 'REVOKED'; readonly on: CalendarDate; readonly reason: RevocationReason; readonly note?: string }
  | { readonly kind: 'LAPSED'; readonly on: CalendarDate }
  | { readonly kind: 'DEREGISTERED'; readonly on: CalendarDate };

export interface Grant {
  /** The CertificationGranted event that created it; retraction refers to it. */
  readonly eventId: string;
  readonly tier: Tier;
  readonly level: CertificationLevel;
  readonly certificateNo?: string;
  readonly grantedOn: CalendarDate;
  /** validUntil as granted; renewals extend it (see currentValidUntil). */
  readonly validUntil: CalendarDate;
  readonly batch?: string;
  readonly skippedPrerequisites: readonly Tier[];
  readonly renewals: readonly Renewal[];
  readonly end: GrantEnd | null;
  readonly retracted: boolean;
}

/** From `from` (inclusive) the enterprise is located in `districtCode`; null = since registration. */
export interface Location {
  readonly districtCode: string;
  readonly from: CalendarDate | null;
}

export interface EnterpriseRecord {
  readonly creditCode: string;
  readonly name: string;
  readonly renamedOn: CalendarDate | null;
  /** Earlier names, oldest first (the current name never among them). */
  readonly formerNames: readonly string[];
  readonly industryCode?: string;
  /** Oldest first; the last entry is where it is now. */
  readonly locations: readonly Location[];
  /** In effective-date order (grantedOn), whatever order they were recorded in. */
  readonly grants: readonly Grant[];
  /**
   * Yearly information updates submitted, in recording order. Optional: snapshots stored before the event existed
   * lack it, and are right to (no update was recorded then).
   */
  readonly annualUpdates?: readonly AnnualUpdate[];
}

export interface AnnualUpdate {
  readonly year: number;
  readonly submittedOn: CalendarDate;
}

export type Unregistered = { readonly status: 'UNREGISTERED' };
export type ActiveEnterprise = EnterpriseRecord & { readonly status: 'ACTIVE' };
export type DeregisteredEnterprise = EnterpriseRecord & {
  readonly status: 'DEREGISTERED';
  readonly deregisteredOn: CalendarDate;
  readonly deregistrationReason: string;
};

export type EnterpriseState = Unregistered | ActiveEnterprise | DeregisteredEnterprise;
export type RegisteredEnterprise = ActiveEnterprise | DeregisteredEnterprise;

/** The state of a stream with no events. */
export function initialState(): EnterpriseState {
  return { status: 'UNREGISTERED' };
}

/** The district the enterprise is in now. */
export function currentDistrict(state: EnterpriseRecord): string {
  return state.locations[state.locations.length - 1]?.districtCode ?? '';
}
