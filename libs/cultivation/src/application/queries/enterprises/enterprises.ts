import type { CalendarDate } from '../../../domain';
import { findEnterpriseSnapshot, listEnterpriseSnapshots, type EnterpriseFilter, type Sql } from '../../../read-models';
import type { Connection, Enterprise } from '../contract-types';
import { decodeCursor, encodeCursor } from './cursor';
import { toEnterprise } from './to-enterprise';

/** One enterprise by credit code, or null. */
export async function enterpriseByCode(sql: Sql, creditCode: string, today: CalendarDate): Promise<Enterprise | null> {
  const row = await findEnterpriseSnapshot(sql, creditCode.trim().toUpperCase());
  return row ? toEnterprise(row.state, row.version, today) : null;
}

/** A page of enterprises by credit code (see listEnterpriseSnapshots for the filter's meaning). */
export async function listEnterprises(
  sql: Sql,
  filter: EnterpriseFilter,
  page: { first: number; after: string | null },
  today: CalendarDate,
): Promise<Connection<Enterprise>> {
  const [after] = decodeCursor(page.after, 1) ?? [null];
  const { rows, totalCount } = await listEnterpriseSnapshots(sql, filter, {
    limit: page.first + 1,
    afterCreditCode: after ?? null,
  });
  const edges = rows.slice(0, page.first).map((r) => ({
    node: toEnterprise(r.state, r.version, today)!,
    cursor: encodeCursor([r.creditCode]),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
