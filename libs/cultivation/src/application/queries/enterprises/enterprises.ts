import type { DataSource } from 'typeorm';
import type { CalendarDate, EnterpriseState, Tier } from '../../../domain';
import { LIVE_SCHEMA, qualified } from '../../../read-models/schema';
import type { Connection, Enterprise } from '../contract-types';
import { decodeCursor, encodeCursor } from './cursor';
import { toEnterprise } from './to-enterprise';

interface SummaryRow {
  credit_code: string;
  version: number;
  state: EnterpriseState;
}

const summaries = qualified(LIVE_SCHEMA, 'enterprise_summary');

/** One enterprise by credit code, or null. */
export async function enterpriseByCode(
  sql: Pick<DataSource, 'query'>,
  creditCode: string,
  today: CalendarDate,
): Promise<Enterprise | null> {
  const [row]: SummaryRow[] = await sql.query(`SELECT version, state FROM ${summaries} WHERE credit_code = $1`, [
    creditCode.trim().toUpperCase(),
  ]);
  return row ? toEnterprise(row.state, row.version, today) : null;
}

export interface EnterpriseFilter {
  district: string | null;
  tier: Tier | null;
  asOf: CalendarDate;
  nameContains: string | null;
  /** Only enterprises located (now) in this district: a district official's scope; null for all. */
  locatedIn: string | null;
}

/** Escapes LIKE wildcards so `nameContains` matches literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Enterprises by credit code, keyset-paginated. With a tier: those holding it on asOf, and the district
 * is where they counted that day (so totals agree with districtBreakdown); without: their current district.
 */
export async function listEnterprises(
  sql: Pick<DataSource, 'query'>,
  filter: EnterpriseFilter,
  page: { first: number; after: string | null },
  today: CalendarDate,
): Promise<Connection<Enterprise>> {
  const [after] = decodeCursor(page.after, 1) ?? [null];
  const where = [
    `($2::text IS NULL OR s.name ILIKE $2)`,
    `($1::text IS NULL OR s.district_code = $1 OR $3::text IS NOT NULL)`,
    `($3::text IS NULL OR EXISTS (SELECT 1 FROM ${qualified(LIVE_SCHEMA, 'active_interval')} i
       WHERE i.credit_code = s.credit_code AND i.tier = $3 AND i.level = 'ANY' AND i.from_on <= $4::date AND i.until_on > $4::date
         AND ($1::text IS NULL OR i.district_code = $1)))`,
    `($5::text IS NULL OR s.district_code = $5)`,
  ].join(' AND ');
  const params = [
    filter.district,
    filter.nameContains ? likePattern(filter.nameContains) : null,
    filter.tier,
    filter.asOf,
    filter.locatedIn,
  ];
  const [rows, totals]: [SummaryRow[], { total: number }[]] = await Promise.all([
    sql.query(
      `SELECT credit_code, version, state FROM ${summaries} s WHERE ${where} AND ($6::text IS NULL OR s.credit_code > $6)
       ORDER BY s.credit_code LIMIT $7`,
      [...params, after, page.first + 1],
    ),
    sql.query(`SELECT count(*)::int AS total FROM ${summaries} s WHERE ${where}`, params),
  ]);
  const shown = rows.slice(0, page.first);
  const edges = shown.map((r) => ({
    node: toEnterprise(r.state, r.version, today)!,
    cursor: encodeCursor([r.credit_code]),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: totals[0]?.total ?? 0,
  };
}
