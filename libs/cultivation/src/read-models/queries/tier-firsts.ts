// Reads of enterprise_tier_first (the first day each enterprise held each tier), for ladderFunnel.
import type { Tier } from '../../domain';
import { LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';

const firsts = qualified(LIVE_SCHEMA, 'enterprise_tier_first');

/** Enterprises that ever held the tier. */
export async function countReached(sql: Sql, tier: Tier): Promise<number> {
  const [{ reached }] = await sql.query(`SELECT count(*)::int AS reached FROM ${firsts} WHERE tier = $1`, [tier]);
  return reached;
}

/**
 * Of the enterprises that ever held `tier`, how many had first held `previous` on or before the day they
 * first held `tier`, and the median of the days between (null when none).
 */
export async function countReachedFrom(
  sql: Sql,
  tier: Tier,
  previous: Tier,
): Promise<{ count: number; medianDays: number | null }> {
  const [row] = await sql.query(
    `SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY c.first_on - p.first_on) AS median
     FROM ${firsts} c JOIN ${firsts} p ON p.credit_code = c.credit_code AND p.tier = $2 AND p.first_on <= c.first_on
     WHERE c.tier = $1`,
    [tier, previous],
  );
  return { count: row.n, medianDays: row.median === null ? null : Number(row.median) };
}
