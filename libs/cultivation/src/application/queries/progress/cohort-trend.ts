import type { CalendarDate, Tier } from '../../../domain';
import { ALL_DISTRICTS, CountLookup, readCounts, sumOccurrences, type Sql } from '../../../read-models';
import type { TrendPoint } from '../contract-types';
import { periodsOf, type TrendInterval } from './periods';

/** Per period: active and cumulative on its last counted day; grants, renewals and ends within it. */
export async function cohortTrend(
  sql: Sql,
  args: { tier: Tier; from: CalendarDate; to: CalendarDate; interval: TrendInterval; district: string | null },
): Promise<TrendPoint[]> {
  const periods = periodsOf(args.from, args.to, args.interval);
  const where = args.district ?? ALL_DISTRICTS;
  const [cells, sums] = await Promise.all([
    readCounts(sql, { dates: periods.map((p) => p.last), districts: [where], tier: args.tier, level: 'ANY' }),
    sumOccurrences(sql, periods, where, args.tier),
  ]);
  const counts = new CountLookup(cells);
  return periods.map((p, i) => ({
    periodStart: p.start,
    active: counts.get(p.last, where, 'ACTIVE', args.tier),
    cumulative: counts.get(p.last, where, 'CUMULATIVE', args.tier),
    ...sums[i]!,
  }));
}
