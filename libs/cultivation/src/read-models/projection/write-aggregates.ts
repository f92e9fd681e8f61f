// Applies a BatchDelta to the aggregate tables: one upsert per table (rows passed as one jsonb
// array), then removal of rows that netted to zero so live and rebuilt tables compare equal.
import { qualified } from '../schema';
import type { CountRow, OccurrenceRow } from './batch-delta';
import type { Sql } from './sql';

const COUNT_KEY = 'district_code text, tier text, day date, metric text, level text';

/** Adds count deltas to count_daily or count_monthly. */
export async function addCounts(
  sql: Sql,
  schema: string,
  table: 'count_daily' | 'count_monthly',
  rows: CountRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const t = qualified(schema, table);
  const day = table === 'count_daily' ? 'day' : 'month';
  const json = JSON.stringify(rows);
  await sql.query(
    `INSERT INTO ${t} AS t (district_code, tier, ${day}, metric, level, delta)
     SELECT district_code, tier, day, metric, level, delta FROM jsonb_to_recordset($1::jsonb) AS x(${COUNT_KEY}, delta int)
     ON CONFLICT (district_code, tier, ${day}, metric, level) DO UPDATE SET delta = t.delta + excluded.delta`,
    [json],
  );
  await sql.query(
    `DELETE FROM ${t} t USING jsonb_to_recordset($1::jsonb) AS x(${COUNT_KEY})
     WHERE t.delta = 0 AND t.district_code = x.district_code AND t.tier = x.tier AND t.${day} = x.day
       AND t.metric = x.metric AND t.level = x.level`,
    [json],
  );
}

/** Adds occurrence-count changes to occurrence_daily. */
export async function addOccurrences(sql: Sql, schema: string, rows: OccurrenceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const t = qualified(schema, 'occurrence_daily');
  const json = JSON.stringify(rows);
  await sql.query(
    `INSERT INTO ${t} AS t (district_code, tier, day, granted, renewed, ended)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS x(district_code text, tier text, day date, granted int, renewed int, ended int)
     ON CONFLICT (district_code, tier, day) DO UPDATE
       SET granted = t.granted + excluded.granted, renewed = t.renewed + excluded.renewed, ended = t.ended + excluded.ended`,
    [json],
  );
  await sql.query(
    `DELETE FROM ${t} t USING jsonb_to_recordset($1::jsonb) AS x(district_code text, tier text, day date)
     WHERE t.granted = 0 AND t.renewed = 0 AND t.ended = 0
       AND t.district_code = x.district_code AND t.tier = x.tier AND t.day = x.day`,
    [json],
  );
}
