import type { DataSource } from 'typeorm';
import type { CalendarDate, Tier } from '../../../domain';
import { ALL_DISTRICTS, LIVE_SCHEMA, qualified } from '../../../read-models/schema';
import type { TrendPoint } from '../contract-types';
import { CountLookup, readCounts } from '../read-counts';
import { periodsOf, type TrendInterval } from './periods';

/** Per period: active and cumulative on its last counted day; grants, renewals and ends within it. */
export async function cohortTrend(
  sql: Pick<DataSource, 'query'>,
  args: { tier: Tier; from: CalendarDate; to: CalendarDate; interval: TrendInterval; district: string | null },
): Promise<TrendPoint[]> {
  const periods = periodsOf(args.from, args.to, args.interval);
  const where = args.district ?? ALL_DISTRICTS;
  const counts = new CountLookup(
    await readCounts(sql, { dates: periods.map((p) => p.last), districts: [where], tier: args.tier }),
  );
  const sums: { i: number; granted: number; renewed: number; ended: number }[] = await sql.query(
    `SELECT p.i, sum(o.granted)::int AS granted, sum(o.renewed)::int AS renewed, sum(o.ended)::int AS ended
     FROM jsonb_to_recordset($1::jsonb) AS p(i int, first date, last date)
     JOIN ${qualified(LIVE_SCHEMA, 'occurrence_daily')} o ON o.day BETWEEN p.first AND p.last
     WHERE o.district_code = $2 AND o.tier = $3 GROUP BY p.i`,
    [JSON.stringify(periods.map((p, i) => ({ i, first: p.first, last: p.last }))), where, args.tier],
  );
  const byPeriod = new Map(sums.map((s) => [s.i, s]));
  return periods.map((p, i) => ({
    periodStart: p.start,
    active: counts.get(p.last, where, 'ACTIVE', args.tier),
    cumulative: counts.get(p.last, where, 'CUMULATIVE', args.tier),
    granted: byPeriod.get(i)?.granted ?? 0,
    renewed: byPeriod.get(i)?.renewed ?? 0,
    ended: byPeriod.get(i)?.ended ?? 0,
  }));
}
