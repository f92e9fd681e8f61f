// Per-enterprise rows are few, so they are simply replaced for every enterprise a batch touched. The
// column lists here are the one definition of those tables' rows: the live projector's replace and
// the rebuild's bulk COPY both write from them.
import { qualified, type ReadModelTable } from '../schema';
import type { EnterpriseFacts } from './enterprise-facts';
import type { Sql } from './sql';

export interface SummaryRow {
  credit_code: string;
  name: string;
  district_code: string;
  industry_code: string | null;
  deregistered_on: string | null;
  version: number;
  last_position: string;
  state: unknown;
}

/** `name type` pairs, in table order. */
export const SUMMARY_COLUMNS =
  'credit_code text, name text, district_code text, industry_code text, deregistered_on date, version int, last_position numeric, state jsonb';

/** The tables holding rows of one enterprise besides its summary, with their columns. */
export const ENTERPRISE_TABLES = {
  enterprise_name: 'credit_code text, name_key text, name text, current boolean, district_codes text[]',
  certification_grant:
    'grant_event_id text, credit_code text, tier text, level text, granted_on date, valid_until date, counts_until date',
  active_interval: 'credit_code text, tier text, level text, district_code text, from_on date, until_on date',
  enterprise_tier_first: 'credit_code text, tier text, first_on date',
} as const satisfies Partial<Record<ReadModelTable, string>>;
export type EnterpriseTable = keyof typeof ENTERPRISE_TABLES;
/** Rows of the per-enterprise tables, keyed by column name. */
export type EnterpriseRows = Record<EnterpriseTable, object[]>;

export const TARGET_COLUMNS =
  'tier text, level text, target int, metric text, deadline date, version int, district text';

/** The column names of a `name type, …` list. */
export function columnNames(columns: string): string[] {
  return columns.split(',').map((c) => c.trim().split(' ')[0]!);
}

/** An empty set of per-enterprise rows. */
export function noEnterpriseRows(): EnterpriseRows {
  return { enterprise_name: [], certification_grant: [], active_interval: [], enterprise_tier_first: [] };
}

/** One enterprise's rows of every per-enterprise table. */
export function enterpriseTableRows(facts: EnterpriseFacts): EnterpriseRows {
  return {
    enterprise_name: facts.names,
    certification_grant: facts.grants,
    active_interval: facts.intervals,
    enterprise_tier_first: facts.firsts,
  };
}

/** Adds one enterprise's facts to `into`. */
export function addEnterpriseRows(into: EnterpriseRows, facts: EnterpriseFacts): void {
  const rows = enterpriseTableRows(facts);
  for (const table of Object.keys(into) as EnterpriseTable[]) into[table].push(...rows[table]);
}

/** Inserts or replaces summary rows (snapshot included). */
export async function upsertSummaries(sql: Sql, schema: string, rows: SummaryRow[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columnNames(SUMMARY_COLUMNS);
  await sql.query(
    `INSERT INTO ${qualified(schema, 'enterprise_summary')} (${names.join(', ')})
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${SUMMARY_COLUMNS})
     ON CONFLICT (credit_code) DO UPDATE SET ${names
       .slice(1)
       .map((n) => `${n} = excluded.${n}`)
       .join(', ')}`,
    [JSON.stringify(rows)],
  );
}

/** Replaces the per-enterprise rows (names, grants, active intervals, first-reached) of the given enterprises. */
export async function replaceEnterpriseRows(
  sql: Sql,
  schema: string,
  codes: string[],
  rows: EnterpriseRows,
): Promise<void> {
  if (codes.length === 0) return;
  for (const [table, columns] of Object.entries(ENTERPRISE_TABLES) as [EnterpriseTable, string][]) {
    await sql.query(`DELETE FROM ${qualified(schema, table)} WHERE credit_code = ANY($1::text[])`, [codes]);
    if (rows[table].length === 0) continue;
    const names = columnNames(columns).join(', ');
    await sql.query(
      `INSERT INTO ${qualified(schema, table)} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${columns})`,
      [JSON.stringify(rows[table])],
    );
  }
}

export interface TargetRow {
  tier: string;
  level: string | null;
  target: number;
  metric: string;
  deadline: string;
  version: number;
  /** '' for the city's target, else the district's code. */
  district: string;
}

/** Sets a tier's target (the city's or a district's) unless a later TargetSet already did. */
export async function upsertTarget(sql: Sql, schema: string, row: TargetRow): Promise<void> {
  await sql.query(
    `INSERT INTO ${qualified(schema, 'targets')} AS t (tier, level, target, metric, deadline, version, district)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tier, district) DO UPDATE SET level = excluded.level, target = excluded.target,
       metric = excluded.metric, deadline = excluded.deadline, version = excluded.version
     WHERE t.version < excluded.version`,
    [row.tier, row.level, row.target, row.metric, row.deadline, row.version, row.district],
  );
}
