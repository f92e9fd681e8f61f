// Calendar periods of a trend: aligned to the interval (a month, quarter or year starts on its first
// day), clipped to [from, to] for what is counted within them.
import { addDays, fromEpochDay, maxDate, minDate, type CalendarDate } from '../../../domain';

export type TrendInterval = 'MONTH' | 'QUARTER' | 'YEAR';
const MONTHS: Record<TrendInterval, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

export interface Period {
  /** Aligned start (shown as periodStart). */
  start: CalendarDate;
  /** Counted days: [first, last], inside [from, to]. */
  first: CalendarDate;
  last: CalendarDate;
}

const monthStart = (index: number) => fromEpochDay(Date.UTC(Math.floor(index / 12), index % 12, 1) / 86_400_000);

/** The periods covering [from, to] (from ≤ to). */
export function periodsOf(from: CalendarDate, to: CalendarDate, interval: TrendInterval): Period[] {
  const step = MONTHS[interval];
  const [y, m] = from.split('-').map(Number) as [number, number];
  let index = y * 12 + (m - 1);
  index -= index % step; // quarters start in Jan/Apr/Jul/Oct, years in Jan
  const out: Period[] = [];
  for (let start = monthStart(index); start <= to; index += step, start = monthStart(index)) {
    const end = addDays(monthStart(index + step), -1);
    out.push({ start, first: maxDate(start, from), last: minDate(end, to) });
  }
  return out;
}
