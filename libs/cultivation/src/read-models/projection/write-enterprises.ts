// Per-enterprise rows are few, so they are simply replaced for every enterprise a batch touched.
import { qualified } from '../schema';
import type { FirstRow, GrantRow, IntervalRow, NameRow } from './enterprise-facts';
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

/** Inserts or replaces summary rows (snapshot included). */
export async function upsertSummaries(sql: Sql, schema: string, rows: SummaryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO ${qualified(schema, 'enterprise_summary')}
       (credit_code, name, district_code, industry_code, deregistered_on, version, last_position, state)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(credit_code text, name text, district_code text,
       industry_code text, deregistered_on date, version int, last_position numeric, state jsonb)
     ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name, district_code = excluded.district_code,
       industry_code = excluded.industry_code, deregistered_on = excluded.deregistered_on, version = excluded.version,
       last_position = excluded.last_position, state = excluded.state`,
    [JSON.stringify(rows)],
  );
}

/** Replaces the names, grants, active intervals and first-reached rows of the given enterprises. */
export async function replaceEnterpriseRows(
  sql: Sql,
  schema: string,
  codes: string[],
  rows: { grants: GrantRow[]; intervals: IntervalRow[]; firsts: FirstRow[]; names: NameRow[] },
): Promise<void> {
  if (codes.length === 0) return;
  for (const table of ['enterprise_name', 'certification_grant', 'active_interval', 'enterprise_tier_first'] as const) {
    await sql.query(`DELETE FROM ${qualified(schema, table)} WHERE credit_code = ANY($1::text[])`, [codes]);
  }
  const insert = async (table: Parameters<typeof qualified>[1], columns: string, list: object[]) => {
    if (list.length === 0) return;
    const names = columns.replace(/ [a-z]+(\[\])?(,|$)/g, '$2');
    await sql.query(
      `INSERT INTO ${qualified(schema, table)} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${columns})`,
      [JSON.stringify(list)],
    );
  };
  await insert(
    'enterprise_name',
    'credit_code text, name_key text, name text, current boolean, district_codes text[]',
    rows.names,
  );
  await insert(
    'certification_grant',
    'grant_event_id text, credit_code text, tier text, level text, granted_on date, valid_until date, counts_until date',
    rows.grants,
  );
  await insert(
    'active_interval',
    'credit_code text, tier text, level text, district_code text, from_on date, until_on date',
    rows.intervals,
  );
  await insert('enterprise_tier_first', 'credit_code text, tier text, first_on date', rows.firsts);
}

/** Sets a tier's target unless a later TargetSet already did. */
export async function upsertTarget(
  sql: Sql,
  schema: string,
  row: { tier: string; level: string | null; target: number; metric: string; deadline: string; version: number },
): Promise<void> {
  await sql.query(
    `INSERT INTO ${qualified(schema, 'targets')} AS t (tier, level, target, metric, deadline, version)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tier) DO UPDATE SET level = excluded.level, target = excluded.target, metric = excluded.metric,
       deadline = excluded.deadline, version = excluded.version WHERE t.version < excluded.version`,
    [row.tier, row.level, row.target, row.metric, row.deadline, row.version],
  );
}
