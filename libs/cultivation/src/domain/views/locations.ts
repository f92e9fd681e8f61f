// Where the enterprise was on each day: relocations cut its history into spans, and every
// count by district follows these spans.
import type { CalendarDate } from '../shared/calendar-date';
import type { EnterpriseRecord } from '../enterprise/state';

/** A stretch of days in one district: from (inclusive; null = since registration) to until (exclusive; null = open). */
export interface LocationSpan {
  readonly districtCode: string;
  readonly from: CalendarDate | null;
  readonly until: CalendarDate | null;
}

/** The enterprise's non-empty location spans, oldest first. */
export function locationSpans(state: EnterpriseRecord): LocationSpan[] {
  return state.locations
    .map((l, i) => ({ districtCode: l.districtCode, from: l.from, until: state.locations[i + 1]?.from ?? null }))
    .filter((s) => s.from === null || s.until === null || s.from < s.until);
}

/** The district the enterprise was located in on a date. */
export function districtOn(state: EnterpriseRecord, date: CalendarDate): string {
  let district = state.locations[0]?.districtCode ?? '';
  for (const l of state.locations) if (l.from === null || l.from <= date) district = l.districtCode;
  return district;
}

/** Cuts [from, until) into the parts spent in each district. */
export function splitByLocation(
  state: EnterpriseRecord,
  from: CalendarDate,
  until: CalendarDate | null,
): { districtCode: string; from: CalendarDate; until: CalendarDate | null }[] {
  const parts = [];
  for (const span of locationSpans(state)) {
    const start = span.from === null || span.from < from ? from : span.from;
    const end = until === null ? span.until : span.until === null || until < span.until ? until : span.until;
    if (end === null || start < end) parts.push({ districtCode: span.districtCode, from: start, until: end });
  }
  return parts;
}
