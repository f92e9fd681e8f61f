import type { CalendarDate, Tier } from '../../domain';
import { LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';

export interface OccurrenceSums {
  granted: number;
  renewed: number;
  ended: number;
}

/** Grants, renewals and ends of a tier in a district ('*' = city) over each [first, last] day range, in order. */
export async function sumOccurrences(
  sql: Sql,
  ranges: readonly { first: CalendarDate; last: CalendarDate }[],
  district: string,
  tier: Tier,
): Promise<OccurrenceSums[]> {
  const sums: ({ i: number } & OccurrenceSums)[] = await sql.query(
    `SELECT p.i, sum(o.granted)::int AS granted, sum(o.renewed)::int AS renewed, sum(o.ended)::int AS ended
     FROM jsonb_to_recordset($1::jsonb) AS p(i int, first date, last date)
     JOIN ${qualified(LIVE_SCHEMA, 'occurrence_daily')} o ON o.day BETWEEN p.first AND p.last
     WHERE o.district_code = $2 AND o.tier = $3 GROUP BY p.i`,
    [JSON.stringify(ranges.map((r, i) => ({ i, first: r.first, last: r.last }))), district, tier],
  );
  const byRange = new Map(sums.map((s) => [s.i, s]));
  return ranges.map((_, i) => {
    const s = byRange.get(i);
    return { granted: s?.granted ?? 0, renewed: s?.renewed ?? 0, ended: s?.ended ?? 0 };
  });
}
