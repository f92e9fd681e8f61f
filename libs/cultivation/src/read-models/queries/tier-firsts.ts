// Reads of enterprise_tier_first (the first day each enterprise held each tier), for ladderFunnel.
import type { CalendarDate, Tier } from '../../domain';
import { LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';

const firsts = qualified(LIVE_SCHEMA, 'enterprise_tier_first');

/** Enterprises that ever held the tier. */
export async function countReached(sql: Sql, tier: Tier): Promise<number> {
  const [{ reached }] = await sql.query(`SELECT count(*)::int AS reached FROM ${firsts} WHERE tier = $1`, [tier]);
  return reached;
}

/** Which tiers count as "the previous rung" for a tier first reached in [from, until) (null: open). */
export interface PreviousRung {
  readonly from: CalendarDate | null;
  readonly until: CalendarDate | null;
  readonly tiers: readonly Tier[];
}

/**
 * Of the enterprises that ever held `tier`, how many had first held one of the previous rung's tiers (as
 * `previous` defines it for the day they first held `tier`) on or before that day, and the median of
 * the days from the earliest of those (null when none).
 */
export async function countReachedFrom(
  sql: Sql,
  tier: Tier,
  previous: readonly PreviousRung[],
): Promise<{ count: number; medianDays: number | null }> {
  const [row] = await sql.query(
    `WITH v AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x("from" date, "until" date, tiers text[]))
     SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS median FROM (
       SELECT c.first_on - min(p.first_on) AS gap
       FROM ${firsts} c
       JOIN v ON (v."from" IS NULL OR c.first_on >= v."from") AND (v."until" IS NULL OR c.first_on < v."until")
       JOIN ${firsts} p ON p.credit_code = c.credit_code AND p.tier = ANY (v.tiers) AND p.first_on <= c.first_on
       WHERE c.tier = $1 GROUP BY c.credit_code, c.first_on) x`,
    [tier, JSON.stringify(previous)],
  );
  return { count: row.n, medianDays: row.median === null ? null : Number(row.median) };
}
