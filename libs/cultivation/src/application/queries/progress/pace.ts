// The pace arithmetic of a progress row, in one pure function (formulas in read-models/README.md).
import { daysBetween, fromEpochDay, type CalendarDate } from '../../../domain';

/** Average Gregorian month: 365.2425 / 12 days. */
export const DAYS_PER_MONTH = 30.4375;
/** The window of `recentMonthlyPace`, in months. */
export const RECENT_MONTHS = 6;

export interface PaceInput {
  /** Headline count on asOf. */
  current: number;
  /** Headline count on asOf − 6 months. */
  currentMonthsAgo: number;
  target: number | null;
  asOf: CalendarDate;
  deadline: CalendarDate | null;
  /**
   * For a tier whose registrations all end on 31 December (科技型): the count on the deadline's day of the last
   * year that has passed (`sameDayBefore`) and the growth over the last twelve months (`yearOverYear`). Its
   * projection runs from that day a year at a time, never along a straight line through the year-end drop.
   */
  yearly?: { sameDayBefore: number; yearsToDeadline: number; yearOverYear: number } | null;
}

export interface Pace {
  percent: number | null;
  remaining: number | null;
  requiredMonthlyPace: number | null;
  recentMonthlyPace: number;
  projectedAtDeadline: number | null;
  onTrack: boolean | null;
}

/** Months from a to b as days / 30.4375 (negative when b is earlier). */
export function monthsBetween(a: CalendarDate, b: CalendarDate): number {
  return daysBetween(a, b) / DAYS_PER_MONTH;
}

/** The same day `months` calendar months earlier, clamped to the month's end (31 Aug − 6 → 28/29 Feb). */
export function monthsBefore(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromEpochDay(Date.UTC(year, month, Math.min(d, lastDay)) / 86_400_000);
}

/** Percent, remaining, required and recent pace, projection and on-track for one progress row. */
export function pace({ current, currentMonthsAgo, target, asOf, deadline, yearly }: PaceInput): Pace {
  const recentMonthlyPace = (current - currentMonthsAgo) / RECENT_MONTHS;
  if (target === null) {
    return {
      percent: null,
      remaining: null,
      requiredMonthlyPace: null,
      recentMonthlyPace,
      projectedAtDeadline: null,
      onTrack: null,
    };
  }
  const remaining = Math.max(0, target - current);
  const monthsLeft = deadline === null ? 0 : Math.max(0, monthsBetween(asOf, deadline));
  const projectedAtDeadline = Math.round(
    yearly
      ? yearly.sameDayBefore + yearly.yearOverYear * yearly.yearsToDeadline
      : current + recentMonthlyPace * monthsLeft,
  );
  return {
    percent: target > 0 ? (current / target) * 100 : null,
    remaining,
    requiredMonthlyPace: monthsLeft > 0 ? remaining / monthsLeft : null,
    recentMonthlyPace,
    projectedAtDeadline,
    onTrack: projectedAtDeadline >= target,
  };
}

/**
 * The dates a yearly tier's projection reads: the deadline's month and day in the last year that has passed
 * by `asOf` (the same point of the yearly cycle as the deadline), how many whole years lie between it and the
 * deadline, and `asOf` a year earlier (for the growth over twelve months).
 */
export function yearlyDates(
  asOf: CalendarDate,
  deadline: CalendarDate,
): { sameDayBefore: CalendarDate; yearsToDeadline: number; yearAgo: CalendarDate } {
  const deadlineYear = Number(deadline.slice(0, 4));
  let year = Math.min(Number(asOf.slice(0, 4)), deadlineYear);
  const dayIn = (y: number) => monthsBefore(deadline, (deadlineYear - y) * 12);
  while (dayIn(year) > asOf) year -= 1;
  return { sameDayBefore: dayIn(year), yearsToDeadline: deadlineYear - year, yearAgo: monthsBefore(asOf, 12) };
}
