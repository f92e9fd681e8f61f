import { addDays, type CalendarDate, type Tier } from '../../../domain';
import { ALL_DISTRICTS, CountLookup } from '../../../read-models';
import type { CountReader } from '../as-known-at/counts-known-at';
import type { TrendPoint } from '../contract-types';
import { periodsOf, type TrendInterval } from './periods';

/**
 * Per period: active and cumulative on its last counted day; grants, renewals and ends within it. All
 * come from one read of the count tree: an occurrence series holds how many happened up to a day, so a
 * period's number is its value on the last day less its value on the day before the first.
 */
export async function cohortTrend(
  read: CountReader,
  args: { tier: Tier; from: CalendarDate; to: CalendarDate; interval: TrendInterval; district: string | null },
): Promise<TrendPoint[]> {
  const periods = periodsOf(args.from, args.to, args.interval).map((p) => ({ ...p, before: addDays(p.first, -1) }));
  const where = args.district ?? ALL_DISTRICTS;
  const counts = new CountLookup(
    await read({
      dates: periods.flatMap((p) => [p.before, p.last]),
      districts: [where],
      metrics: ['ACTIVE', 'CUMULATIVE', 'GRANTED', 'RENEWED', 'ENDED'],
      tier: args.tier,
      level: 'ANY',
    }),
  );
  const within = (metric: string, p: (typeof periods)[number]) =>
    counts.get(p.last, where, metric, args.tier) - counts.get(p.before, where, metric, args.tier);
  return periods.map((p) => ({
    periodStart: p.start,
    active: counts.get(p.last, where, 'ACTIVE', args.tier),
    cumulative: counts.get(p.last, where, 'CUMULATIVE', args.tier),
    granted: within('GRANTED', p),
    renewed: within('RENEWED', p),
    ended: within('ENDED', p),
  }));
}
