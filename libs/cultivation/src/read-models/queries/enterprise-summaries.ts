// Reads of enterprise_summary (one row and state snapshot per enterprise), for enterprise(s) queries.
import { nameKey, type CalendarDate, type EnterpriseState, type Tier } from '../../domain';
import { LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';

/** An enterprise's stored state snapshot and the stream version it was taken at. */
export interface EnterpriseSnapshotRow {
  creditCode: string;
  version: number;
  state: EnterpriseState;
}

interface Row {
  credit_code: string;
  version: number;
  state: EnterpriseState;
}
const toSnapshot = (r: Row): EnterpriseSnapshotRow => ({
  creditCode: r.credit_code,
  version: r.version,
  state: r.state,
});
const summaries = qualified(LIVE_SCHEMA, 'enterprise_summary');

/** One enterprise's snapshot by (normalized) credit code, or null. */
export async function findEnterpriseSnapshot(sql: Sql, creditCode: string): Promise<EnterpriseSnapshotRow | null> {
  const [row]: Row[] = await sql.query(`SELECT credit_code, version, state FROM ${summaries} WHERE credit_code = $1`, [
    creditCode,
  ]);
  return row ? toSnapshot(row) : null;
}

export interface EnterpriseFilter {
  district: string | null;
  tier: Tier | null;
  asOf: CalendarDate;
  nameContains: string | null;
  /** A current or former name containing it (compared by nameKey), or a credit code starting with it. */
  search: string | null;
}

/** Escapes LIKE wildcards so the text matches literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const likePattern = (text: string) => `%${escapeLike(text)}%`;

/**
 * Snapshots by credit code after `afterCreditCode`, at most `limit`, and how many match in all. With a
 * tier: those holding it on asOf, and the district is where they counted that day (so totals agree with
 * districtBreakdown); without: their current district.
 */
export async function listEnterpriseSnapshots(
  sql: Sql,
  filter: EnterpriseFilter,
  page: { limit: number; afterCreditCode: string | null },
): Promise<{ rows: EnterpriseSnapshotRow[]; totalCount: number }> {
  const where = [
    `($2::text IS NULL OR s.name ILIKE $2)`,
    `($1::text IS NULL OR s.district_code = $1 OR $3::text IS NOT NULL)`,
    `($3::text IS NULL OR EXISTS (SELECT 1 FROM ${qualified(LIVE_SCHEMA, 'active_interval')} i
       WHERE i.credit_code = s.credit_code AND i.tier = $3 AND i.level = 'ANY' AND i.from_on <= $4::date AND i.until_on > $4::date
         AND ($1::text IS NULL OR i.district_code = $1)))`,
    // search: the name index (trigram on the key) and the credit-code prefix index each answer their half
    `($5::text IS NULL OR s.credit_code IN (
       SELECT n.credit_code FROM ${qualified(LIVE_SCHEMA, 'enterprise_name')} n WHERE n.name_key LIKE $5
       UNION SELECT c.credit_code FROM ${summaries} c WHERE c.credit_code LIKE $6))`,
  ].join(' AND ');
  const params = [
    filter.district,
    filter.nameContains ? likePattern(filter.nameContains) : null,
    filter.tier,
    filter.asOf,
    filter.search ? likePattern(nameKey(filter.search)) : null,
    filter.search ? `${escapeLike(filter.search.toUpperCase())}%` : null,
  ];
  const [rows, totals]: [Row[], { total: number }[]] = await Promise.all([
    sql.query(
      `SELECT credit_code, version, state FROM ${summaries} s WHERE ${where} AND ($7::text IS NULL OR s.credit_code > $7)
       ORDER BY s.credit_code LIMIT $8`,
      [...params, page.afterCreditCode, page.limit],
    ),
    sql.query(`SELECT count(*)::int AS total FROM ${summaries} s WHERE ${where}`, params),
  ]);
  return { rows: rows.map(toSnapshot), totalCount: totals[0]?.total ?? 0 };
}
