// Effective dates are calendar days, not instants: all arithmetic runs on whole days since
// 1970-01-01 through Date.UTC, so no time zone can move '2027-12-31' to another day.
import { InvalidInput } from '../errors';

declare const calendarDateBrand: unique symbol;
/** A real calendar day written 'YYYY-MM-DD'. */
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] | null {
  const m = PATTERN.exec(date);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * Each date string is parsed once and each day number formatted once per process: a fold derives the same few
 * thousand days (grant, validity and lapse dates) over and over, for every event and every view. Pure functions, so
 * the memo changes no answer; it is emptied when it reaches MEMO_LIMIT entries (bounded memory whatever the input).
 */
const MEMO_LIMIT = 100_000;
const dayOf = new Map<string, number>();
const dateOf = new Map<number, CalendarDate>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Day number since 1970-01-01 (UTC-free integer). */
export function toEpochDay(date: CalendarDate): number {
  const known = dayOf.get(date);
  if (known !== undefined) return known;
  const [y, m, d] = parts(date) ?? [1970, 1, 1];
  return remember(dayOf, date, Date.UTC(y, m - 1, d) / DAY_MS);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The calendar date of a day number since 1970-01-01 (H. Hinnant's civil_from_days, integer-only). */
export function fromEpochDay(day: number): CalendarDate {
  return dateOf.get(day) ?? remember(dateOf, day, civilFromDays(day));
}

function civilFromDays(day: number): CalendarDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` as CalendarDate;
}

function daysInMonth(year: number, month: number): number {
  return (Date.UTC(year, month, 1) - Date.UTC(year, month - 1, 1)) / DAY_MS;
}

/** True when the string is a real 'YYYY-MM-DD' day (2027-02-30 is not). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const p = parts(value);
  if (!p || p[0] < 1000) return false; // Date.UTC maps years 0–99 to 19xx
  return fromEpochDay(Date.UTC(p[0], p[1] - 1, p[2]) / DAY_MS) === value;
}

/** Validates input as a calendar date; refuses with DATE_FORMAT on `field`. */
export function parseCalendarDate(value: unknown, field: string): CalendarDate {
  if (isCalendarDate(value)) return value;
  throw new InvalidInput('DATE_FORMAT', field, `${field} must be a real date written YYYY-MM-DD, got ${String(value)}`);
}

/** The date `days` later (negative: earlier). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const [y, m, d] = parts(date) ?? [1970, 1, 1];
  return fromEpochDay(Date.UTC(y + years, m - 1, Math.min(d, daysInMonth(y + years, m))) / DAY_MS);
}

/** Same day `months` later (negative: earlier); a day the month lacks becomes its last day. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date) ?? [1970, 1, 1];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const [ty, tm] = [first.getUTCFullYear(), first.getUTCMonth() + 1];
  return fromEpochDay(Date.UTC(ty, tm - 1, Math.min(d, daysInMonth(ty, tm))) / DAY_MS);
}

/** 31 December of the date's year. */
export function endOfYear(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 4)}-12-31` as CalendarDate;
}

/** Negative, zero or positive as a is before, on or after b. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0; // ISO strings of four-digit years sort as dates
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** The earlier of two dates. */
export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}
