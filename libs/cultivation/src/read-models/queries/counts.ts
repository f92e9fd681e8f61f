// Counts on dates from the delta tables: whole months from count_monthly, then the days of the
// date's own month from count_daily. Rows read depend on the calendar span, never on enterprises.
import type { CalendarDate, Tier } from '../../domain';
import { LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';

export interface CountCell {
  on: CalendarDate;
  district: string;
  metric: 'ACTIVE' | 'CUMULATIVE';
  tier: Tier;
  level: string;
  count: number;
}

/** Count per (date, district, metric, tier, level); district '*' is the whole city. Missing cells are 0. */
export async function readCounts(
  sql: Sql,
  args: { dates: CalendarDate[]; districts: string[]; tier?: Tier },
): Promise<CountCell[]> {
  const daily = qualified(LIVE_SCHEMA, 'count_daily');
  const monthly = qualified(LIVE_SCHEMA, 'count_monthly');
  const filter = (t: string) => `${t}.district_code = ANY($2::text[]) AND ($3::text IS NULL OR ${t}.tier = $3)`;
  return sql.query(
    `WITH d(on_day) AS (SELECT DISTINCT unnest($1::date[]))
     SELECT on_day::text AS "on", district_code AS district, metric, tier, level, sum(delta)::int AS count FROM (
       SELECT d.on_day, m.district_code, m.metric, m.tier, m.level, m.delta
         FROM d JOIN ${monthly} m ON m.month < date_trunc('month', d.on_day)::date WHERE ${filter('m')}
       UNION ALL
       SELECT d.on_day, c.district_code, c.metric, c.tier, c.level, c.delta
         FROM d JOIN ${daily} c ON c.day >= date_trunc('month', d.on_day)::date AND c.day <= d.on_day WHERE ${filter('c')}
     ) x GROUP BY 1, 2, 3, 4, 5`,
    [args.dates, args.districts, args.tier ?? null],
  );
}

/** Looks counts up by key, 0 when absent. */
export class CountLookup {
  private readonly cells = new Map<string, number>();
  constructor(cells: CountCell[]) {
    for (const c of cells) this.cells.set(`${c.on}|${c.district}|${c.metric}|${c.tier}|${c.level}`, c.count);
  }
  get(on: string, district: string, metric: string, tier: string, level = 'ANY'): number {
    return this.cells.get(`${on}|${district}|${metric}|${tier}|${level}`) ?? 0;
  }
}
