// EXPLAIN (ANALYZE, BUFFERS) of what the progress questions ask PostgreSQL: the application's own
// ProgressQueries (checkpoint read, targets, readCounts: whichever SQL the built code
// sends) over a DataSource whose query() first runs each statement under EXPLAIN, then for real (the
// functions get their rows). Each question right after a server restart (shared buffers empty, the OS
// page cache not: "cold-ish"), then again (warm).
import { Pool } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { FixedClock, ProgressQueries, TIERS, type Tier } from '@cl/cultivation';
import { PostgresEventStore } from '@cl/event-store';
import { type BenchPostgres, fmt } from './common';
import { render } from './report';
import { BENCH_TODAY } from './seed';

/** One statement's plan, summed over its scan nodes. */
export interface ExplainedStatement {
  /** The statement's first line(s), whitespace collapsed. */
  readonly sql: string;
  /** Tables the plan reads. */
  readonly relations: string[];
  readonly planningMs: number;
  readonly executionMs: number;
  /** Shared buffers of the execution (the top plan node's, which include its children's). */
  readonly sharedHit: number;
  readonly sharedRead: number;
  /** Shared buffers of the planning (catalogue and statistics lookups). */
  readonly planningHit: number;
  readonly planningRead: number;
  /** Rows the scan nodes produced or filtered out, times their loops: the rows read. */
  readonly rowsScanned: number;
  /** Rows the statement returned. */
  readonly rowsReturned: number;
}

export interface ExplainedQuestion {
  readonly question: string;
  readonly run: 'cold' | 'warm';
  readonly statements: ExplainedStatement[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

interface ExplainOutput {
  Plan: PlanNode;
  Planning?: { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number };
  'Planning Time': number;
  'Execution Time': number;
}

function scans(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  if (node['Relation Name']) out.push(node);
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

function figuresOf(sql: string, e: ExplainOutput): ExplainedStatement {
  const read = scans(e.Plan);
  return {
    sql: sql.replace(/\s+/g, ' ').trim().slice(0, 160),
    relations: [...new Set(read.map((n) => n['Relation Name']!))],
    planningMs: e['Planning Time'],
    executionMs: e['Execution Time'],
    sharedHit: e.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: e.Plan['Shared Read Blocks'] ?? 0,
    planningHit: e.Planning?.['Shared Hit Blocks'] ?? 0,
    planningRead: e.Planning?.['Shared Read Blocks'] ?? 0,
    // Per-loop averages times loops: round the sum.
    rowsScanned: Math.round(
      read.reduce(
        (sum, n) =>
          sum +
          ((n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0)) *
            (n['Actual Loops'] ?? 1),
        0,
      ),
    ),
    rowsReturned: e.Plan['Actual Rows'] ?? 0,
  };
}

type Queryable = { query(sql: string, parameters?: unknown[]): Promise<unknown> };
type PlanRows = { 'QUERY PLAN': ExplainOutput[] }[];

/** `target` whose query() explains each statement, records it, then runs it (`rowsOf`: the rows of a result). */
function explainingQueries<T extends Queryable>(
  target: T,
  record: (s: ExplainedStatement) => void,
  rowsOf: (result: unknown) => PlanRows = (r) => r as PlanRows,
  extra: Record<string | symbol, unknown> = {},
): T {
  const query = async (sql: string, parameters?: unknown[]) => {
    // Only reads are explained (a query runner also sends START TRANSACTION, COMMIT…).
    if (!/^\s*(SELECT|WITH)\b/i.test(sql)) return target.query(sql, parameters);
    const [plan] = rowsOf(await target.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, parameters));
    record(figuresOf(sql, plan!['QUERY PLAN'][0]!));
    return target.query(sql, parameters);
  };
  return new Proxy(target, {
    get: (t, property, receiver) =>
      property === 'query' ? query : property in extra ? extra[property] : Reflect.get(t, property, receiver),
  });
}

/** `dataSource` (and the query runners it creates: the knownAt snapshot) explaining every statement. */
function explaining(dataSource: DataSource, record: (s: ExplainedStatement) => void): DataSource {
  const createQueryRunner = () => explainingQueries<QueryRunner>(dataSource.createQueryRunner(), record);
  return explainingQueries(dataSource, record, undefined, { createQueryRunner });
}

/** A pg Pool (the event store's) explaining every statement. */
function explainingPool(pool: Pool, record: (s: ExplainedStatement) => void): Pool {
  return explainingQueries(pool, record, (r) => (r as { rows: PlanRows }).rows);
}

/** The tier of the breakdown and the trend: the first ladder's first rung (the largest group). */
const TIER: Tier = TIERS[0]!;
/** The first day of the month 23 months before BENCH_TODAY's: 24 monthly points up to it. */
const TREND_FROM = (() => {
  const month = Number(BENCH_TODAY.slice(0, 4)) * 12 + Number(BENCH_TODAY.slice(5, 7)) - 1 - 23;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
})();

export interface Question {
  readonly name: string;
  readonly ask: (q: ProgressQueries) => Promise<unknown>;
}

const QUESTIONS: Question[] = [
  { name: `cohortProgress city-wide on ${BENCH_TODAY}`, ask: (q) => q.cohortProgress(BENCH_TODAY, null) },
  {
    name: `districtBreakdown ${TIER}, 16 districts, on ${BENCH_TODAY}`,
    ask: (q) => q.districtBreakdown(TIER, BENCH_TODAY),
  },
  {
    name: `cohortTrend ${TIER} city-wide, 24 months ${TREND_FROM}..${BENCH_TODAY}`,
    ask: (q) => q.cohortTrend(TIER, TREND_FROM, BENCH_TODAY, 'MONTH', null),
  },
];

/** cohortProgress city-wide on BENCH_TODAY, plain: the knownAt question's baseline. */
export const progressQuestion: Question = QUESTIONS[0]!;

/** cohortProgress city-wide on BENCH_TODAY as known at `knownAt` (bench/b6-known-at.ts: before the late events). */
export const knownAtQuestion = (knownAt: string): Question => ({
  name: `cohortProgress city-wide on ${BENCH_TODAY}, knownAt before 1,000 late events`,
  ask: (q) => q.cohortProgress(BENCH_TODAY, null, new Date(knownAt)),
});

/**
 * Each question cold (after a restart of the server; `restart: false` while the API is using it: warm only)
 * and warm, with the plans of every statement it sent, the event store's (knownAt) included.
 */
export async function explainProgressQueries(
  pg: BenchPostgres,
  log: (line: string) => void,
  { questions = QUESTIONS, restart = true }: { questions?: Question[]; restart?: boolean } = {},
): Promise<ExplainedQuestion[]> {
  const out: ExplainedQuestion[] = [];
  for (const { name, ask } of questions) {
    if (restart) await pg.restart();
    const dataSource = new DataSource({ type: 'postgres', url: pg.url, extra: { max: 4 }, logging: ['error'] });
    await dataSource.initialize();
    const pool = new Pool({ connectionString: pg.url, max: 2 });
    try {
      for (const run of restart ? (['cold', 'warm'] as const) : (['warm'] as const)) {
        const statements: ExplainedStatement[] = [];
        const record = (s: ExplainedStatement) => statements.push(s);
        // A new ProgressQueries each time: its result cache must not answer the warm run.
        const queries = new ProgressQueries(
          explaining(dataSource, record),
          new FixedClock(new Date(`${BENCH_TODAY}T12:00:00+08:00`)),
          undefined,
          new PostgresEventStore({ pool: explainingPool(pool, record) }),
        );
        await ask(queries);
        out.push({ question: name, run, statements });
        const t = totals(statements);
        log(
          `  EXPLAIN ${name} (${run}): ${statements.length} statements, execution ${fmt(t.executionMs, 1)} ms, ` +
            `buffers hit ${fmt(t.sharedHit)} read ${fmt(t.sharedRead)}, ${fmt(t.rowsScanned)} rows read`,
        );
      }
    } finally {
      await dataSource.destroy();
      await pool.end();
    }
  }
  return out;
}

function totals(statements: readonly ExplainedStatement[]) {
  const sum = (f: (s: ExplainedStatement) => number) => statements.reduce((a, s) => a + f(s), 0);
  return {
    planningMs: sum((s) => s.planningMs),
    executionMs: sum((s) => s.executionMs),
    sharedHit: sum((s) => s.sharedHit),
    sharedRead: sum((s) => s.sharedRead),
    rowsScanned: sum((s) => s.rowsScanned),
    rowsReturned: sum((s) => s.rowsReturned),
  };
}

/**
 * Per question and run, its statements that read the counts (every statement but the checkpoint and
 * targets reads, which are listed in the result file): planning and execution time, shared buffers
 * hit and read, rows read by the scans and rows returned.
 */
export function explainTable(questions: readonly ExplainedQuestion[]): string {
  const head = [
    'question',
    'run',
    'statements · tables',
    'planning',
    'execution',
    'hit',
    'read',
    'rows read',
    'rows out',
  ];
  const body = questions.map((q) => {
    const counting = q.statements.filter((s) => !s.relations.every((r) => OVERHEAD.has(r)));
    const t = totals(counting);
    return [
      q.question,
      q.run,
      `${counting.length} · ${[...new Set(counting.flatMap((s) => s.relations))].join(', ')}`,
      `${fmt(t.planningMs, 2)} ms`,
      `${fmt(t.executionMs, 2)} ms`,
      fmt(t.sharedHit),
      fmt(t.sharedRead),
      fmt(t.rowsScanned),
      fmt(t.rowsReturned),
    ];
  });
  return render(head, body);
}

/** Tables every question reads besides its counts (the result cache's checkpoint, the targets). */
const OVERHEAD = new Set(['projection_checkpoint', 'targets']);
