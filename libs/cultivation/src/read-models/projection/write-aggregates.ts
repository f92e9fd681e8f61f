// Applies a BatchDelta to the aggregate tables: one upsert per table (rows passed as one jsonb
// array), then removal of rows that netted to zero so live and rebuilt tables compare equal.
import { qualified } from '../schema';
import type { CountTreeRow, OccurrenceRow } from './batch-delta';
import type { Sql } from './sql';

/** Adds node changes to count_tree; nodes whose sum became 0 are deleted (the upsert names them). */
export async function addCountTree(sql: Sql, schema: string, rows: CountTreeRow[]): Promise<void> {
  if (rows.length === 0) return;
  const t = qualified(schema, 'count_tree');
  const emptied: Omit<CountTreeRow, 'total'>[] = await sql.query(
    `WITH up AS (
       INSERT INTO ${t} AS t (district_code, node, tier, metric, level, total)
       SELECT district_code, node, tier, metric, level, total FROM jsonb_to_recordset($1::jsonb)
         AS x(district_code text, node int, tier text, metric text, level text, total int)
       ON CONFLICT (district_code, node, tier, metric, level) DO UPDATE SET total = t.total + excluded.total
       RETURNING t.district_code, t.node, t.tier, t.metric, t.level, t.total)
     SELECT district_code, node, tier, metric, level FROM up WHERE total = 0`,
    [JSON.stringify(rows)],
  );
  if (emptied.length === 0) return;
  await sql.query(
    `DELETE FROM ${t} t USING jsonb_to_recordset($1::jsonb) AS x(district_code text, node int, tier text, metric text, level text)
     WHERE t.total = 0 AND (t.district_code, t.node, t.tier, t.metric, t.level) = (x.district_code, x.node, x.tier, x.metric, x.level)`,
    [JSON.stringify(emptied)],
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
