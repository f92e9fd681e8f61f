// Applies a BatchDelta to the count tree: one upsert (rows passed as one jsonb array), then removal of
// the nodes that netted to zero so live and rebuilt tables compare equal.
import { qualified } from '../schema';
import type { CountTreeRow } from './batch-delta';
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
