// The arithmetic of one grant: how far its renewals extend it and on which days it counts.
// Views, decider and counting segments all ask these functions, so they can never disagree.
import { addDays, compareDates, type CalendarDate } from '../shared/calendar-date';
import type { Grant, Renewal } from './state';

/** Renewals still in force (not retracted), by renewedOn (evolve keeps them in that order). */
export function liveRenewals(grant: Grant): Renewal[] {
  return grant.renewals.filter((r) => !r.retracted);
}

/** One term of a grant: as granted, or opened by the renewal that re-reviewed the term before it. */
export interface Term {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly renewal: Renewal | null;
}

/**
 * The grant's terms in order: as granted, then one per live renewal (by renewedOn, then validUntil) that carried the end
 * further, running from the day after the previous end. A renewal that did not extend opens none. Old
 * logs may hold renewals stacked on a term already renewed; they fold the same way, as recorded.
 */
export function termsOf(grant: Grant): Term[] {
  const terms: Term[] = [{ start: grant.grantedOn, end: grant.validUntil, renewal: null }];
  let end = grant.validUntil;
  // Same-day renewals (a form submitted twice) by their ends, so the nearer one is the term's renewal.
  const inOrder = [...liveRenewals(grant)].sort(
    (a, b) => compareDates(a.renewedOn, b.renewedOn) || compareDates(a.validUntil, b.validUntil),
  );
  for (const r of inOrder) {
    if (r.validUntil <= end) continue;
    terms.push({ start: addDays(end, 1), end: r.validUntil, renewal: r });
    end = r.validUntil;
  }
  return terms;
}

/** The grant's last valid day after its live renewals (the furthest one decides, whatever the recording order). */
export function currentValidUntil(grant: Grant): CalendarDate {
  let until = grant.validUntil;
  for (const r of liveRenewals(grant)) if (r.validUntil > until) until = r.validUntil;
  return until;
}

/** The certificate number of the latest live renewal that carried one, else the grant's. */
export function currentCertificateNo(grant: Grant): string | undefined {
  const renewed = liveRenewals(grant).filter((r) => r.certificateNo !== undefined);
  return renewed.at(-1)?.certificateNo ?? grant.certificateNo;
}

export type Ending = { kind: 'REVOKED' | 'DEREGISTERED' | 'LAPSED'; on: CalendarDate };

/**
 * First day the grant no longer counts. Every grant has one: validUntil + 1 (a lapse, whether or
 * not the sweep has written it yet) unless a revocation or deregistration came first.
 */
export function grantEnding(grant: Grant): Ending {
  const lapse = addDays(currentValidUntil(grant), 1);
  if (grant.end && grant.end.kind !== 'LAPSED' && compareDates(grant.end.on, lapse) <= 0) {
    return { kind: grant.end.kind, on: grant.end.on };
  }
  return { kind: 'LAPSED', on: lapse };
}

/** True when the grant counts on the date: not retracted, grantedOn ≤ date < ending. */
export function countsOn(grant: Grant, date: CalendarDate): boolean {
  return !grant.retracted && grant.grantedOn <= date && date < grantEnding(grant).on;
}

/** Latest effective date recorded against a non-retracted grant (grant, renewals, recorded end). */
export function lastEffectiveDateOf(grant: Grant): CalendarDate | null {
  if (grant.retracted) return null;
  let last = grant.grantedOn;
  for (const r of liveRenewals(grant)) if (r.renewedOn > last) last = r.renewedOn;
  if (grant.end && grant.end.on > last) last = grant.end.on;
  return last;
}
