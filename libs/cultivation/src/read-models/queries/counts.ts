// Counts on dates from the count tree (projection/count-tree.ts): a count on a day is the sum of at
// most 16 nodes per (district, tier, metric, level), whatever the number of enterprises or the length
// of history, so each row read is found by primary key (district_code, node, …).
import type { CalendarDate, Tier } from '../../domain';
import { prefixNodes } from '../projection/count-tree';
import { CHECKPOINT_NAME, LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';

/** The count metrics; GRANTED, RENEWED and ENDED are the occurrence series (how many up to a day). */
export type CountMetric = 'ACTIVE' | 'CUMULATIVE' | 'GRANTED' | 'RENEWED' | 'ENDED';
/** The metrics read unless a query names others. */
export const COUNT_METRICS: readonly CountMetric[] = ['ACTIVE', 'CUMULATIVE'];

/** Which counts to read: dates, districts ('*' the city), metrics (ACTIVE and CUMULATIVE unless given), tier, level. */
export interface CountQuery {
  dates: CalendarDate[];
  districts: string[];
  metrics?: readonly CountMetric[];
  tier?: Tier;
  level?: string;
}

export interface CountCell {
  on: CalendarDate;
  district: string;
  metric: CountMetric;
  tier: Tier;
  level: string;
  count: number;
}

/**
 * Count per (date, district, metric, tier, level); district '*' is the whole city, level 'ANY' every
 * level. Missing cells are 0. `metrics` (ACTIVE and CUMULATIVE unless given), `tier` and `level` narrow
 * what is read. Dates share most of their nodes (the higher ones), so each node is read once and then
 * summed for every date that needs it.
 */
export async function readCounts(sql: Sql, args: CountQuery): Promise<CountCell[]> {
  const statement = countsStatement(args);
  return statement ? sql.query(statement.text, statement.parameters) : [];
}

/**
 * The counts and the position of the live checkpoint they are at, in one statement (so one snapshot and one round
 * trip): what an answer "as known at" corrects needs the position its counts stand at.
 */
export async function readCountsAtCheckpoint(
  sql: Sql,
  args: CountQuery,
): Promise<{ position: string | null; cells: CountCell[] }> {
  const statement = countsStatement(args) ?? { text: 'SELECT NULL::text AS "on" WHERE false', parameters: [] };
  const name = statement.parameters.length + 1;
  const rows: (Partial<CountCell> & { checkpoint: string | null })[] = await sql.query(
    `SELECT cp.position AS checkpoint, c.*
     FROM (SELECT 1) AS one
     LEFT JOIN (SELECT position::text AS position FROM ${qualified(LIVE_SCHEMA, 'projection_checkpoint')}
                WHERE name = $${name}) AS cp ON true
     LEFT JOIN (${statement.text}) AS c ON true`,
    [...statement.parameters, CHECKPOINT_NAME],
  );
  return {
    position: rows[0]?.checkpoint ?? null,
    cells: rows.filter((r) => r.on != null).map(({ checkpoint: _, ...cell }) => cell as CountCell),
  };
}

/** The statement of readCounts; null when no date is asked. */
function countsStatement(args: CountQuery): { text: string; parameters: unknown[] } | null {
  const dates: string[] = [];
  const nodes: number[] = [];
  for (const on of new Set(args.dates)) {
    for (const node of prefixNodes(on)) {
      dates.push(on);
      nodes.push(node);
    }
  }
  if (nodes.length === 0) return null;
  return {
    text: `WITH n AS MATERIALIZED (
       SELECT node, district_code, metric, tier, level, total FROM ${qualified(LIVE_SCHEMA, 'count_tree')}
       WHERE district_code = ANY($3::text[]) AND node = ANY($2::int[]) AND metric = ANY($4::text[])
         AND ($5::text IS NULL OR tier = $5) AND ($6::text IS NULL OR level = $6))
     SELECT q.on_day AS "on", n.district_code AS district, n.metric, n.tier, n.level, sum(n.total)::int AS count
     FROM unnest($1::text[], $2::int[]) AS q(on_day, node) JOIN n ON n.node = q.node
     GROUP BY 1, 2, 3, 4, 5`,
    parameters: [dates, nodes, args.districts, args.metrics ?? COUNT_METRICS, args.tier ?? null, args.level ?? null],
  };
}

/** Looks counts up by key, 0 when absent. */
export class CountLookup {
  private readonly cells = new Map<string, number>();
  constructor(cells: CountCell[]) {
    for (const c of cells) this.cells.set(`${c.on}|${c.district}|${c.metric}|${c.tier}|${c.level}`, c.count);
  }
  get(on: string, district: string, metric: string, tier: string, level = 'ANY'): number {
    return this.cells.get(`${on}|${district}|${metric}|${tier}|${level}`) ?? 0;
  }
}
