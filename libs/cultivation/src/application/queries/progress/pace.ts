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
export function pace({ current, currentMonthsAgo, target, asOf, deadline }: PaceInput): Pace {
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
  const projectedAtDeadline = Math.round(current + recentMonthlyPace * monthsLeft);
  return {
    percent: target > 0 ? (current / target) * 100 : null,
    remaining,
    requiredMonthlyPace: monthsLeft > 0 ? remaining / monthsLeft : null,
    recentMonthlyPace,
    projectedAtDeadline,
    onTrack: projectedAtDeadline >= target,
  };
}
