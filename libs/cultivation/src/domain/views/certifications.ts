// The certification list the GraphQL write result, the audit replay and the read side all show.
import { daysBetween, type CalendarDate } from '../shared/calendar-date';
import type { CertificationLevel, Tier } from '../policy/vocabulary';
import { currentCertificateNo, currentValidUntil, grantEnding, liveRenewals } from '../enterprise/grant';
import type { EnterpriseState, Grant } from '../enterprise/state';

export type CertificationState = 'ACTIVE' | 'RENEWED' | 'LAPSED' | 'REVOKED' | 'RETRACTED' | 'ENDED_BY_DEREGISTRATION';

/** A renewal in force, with the CertificationRenewed event that recorded it (retraction refers to it). */
export interface RenewalView {
  readonly eventId: string;
  readonly renewedOn: CalendarDate;
  readonly validUntil: CalendarDate;
  readonly certificateNo: string | null;
}

export interface CertificationView {
  readonly tier: Tier;
  readonly level: CertificationLevel;
  readonly certificateNo: string | null;
  readonly grantedOn: CalendarDate;
  /** After live renewals. */
  readonly validUntil: CalendarDate;
  /** First day it no longer counted (revocation/deregistration day, validUntil + 1 for a lapse); null while counting or retracted. */
  readonly endedOn: CalendarDate | null;
  readonly state: CertificationState;
  readonly batch: string | null;
  /** The CertificationGranted event; retraction refers to it. */
  readonly eventId: string;
  /** Live (not retracted) renewals, oldest first. */
  readonly renewals: readonly RenewalView[];
  readonly skippedPrerequisites: readonly Tier[];
}

const ENDED_STATE = { REVOKED: 'REVOKED', DEREGISTERED: 'ENDED_BY_DEREGISTRATION', LAPSED: 'LAPSED' } as const;

/** One grant as seen on `today`: a grant past validUntil shows LAPSED even before the sweep records it. */
export function certificationView(grant: Grant, today: CalendarDate): CertificationView {
  const ending = grantEnding(grant);
  const ended = !grant.retracted && ending.on <= today;
  const renewals = liveRenewals(grant);
  const state: CertificationState = grant.retracted
    ? 'RETRACTED'
    : ended
      ? ENDED_STATE[ending.kind]
      : renewals.length > 0
        ? 'RENEWED'
        : 'ACTIVE';
  return {
    tier: grant.tier,
    level: grant.level,
    certificateNo: currentCertificateNo(grant) ?? null,
    grantedOn: grant.grantedOn,
    validUntil: currentValidUntil(grant),
    endedOn: ended ? ending.on : null,
    state,
    batch: grant.batch ?? null,
    eventId: grant.eventId,
    renewals: renewals.map(({ eventId, renewedOn, validUntil, certificateNo }) => ({
      eventId,
      renewedOn,
      validUntil,
      certificateNo: certificateNo ?? null,
    })),
    skippedPrerequisites: grant.skippedPrerequisites,
  };
}

/** All certifications, current and past (retracted ones included, marked RETRACTED), in grant order. */
export function certificationsOf(state: EnterpriseState, today: CalendarDate): CertificationView[] {
  if (state.status === 'UNREGISTERED') return [];
  return state.grants.map((g) => certificationView(g, today));
}

/** Days from `today` to the last valid day (0 on the last day), for expiry lists. */
export function daysLeft(view: CertificationView, today: CalendarDate): number {
  return daysBetween(today, view.validUntil);
}
