// Shared pieces of the benchmark suite: the bench PostgreSQL, latency statistics, a keep-alive HTTP
// load loop, peak RSS from /proc and the results table.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres } from '@cl/platform';

export interface BenchPostgres {
  /** The ledger's database (`bench`). */
  readonly url: string;
  /** A database on the same server, by name. */
  urlOf(database: string): string;
  readonly port: number;
  readonly version: string;
  /** Loads pg_stat_statements (a restart of the server); for --profile runs. */
  enableStatementStats(): Promise<void>;
  /** Stops and starts the server: its shared buffers start empty (the OS page cache does not). */
  restart(): Promise<void>;
  /** Stops the server and removes its temporary folder. */
  stop(): Promise<void>;
}

/**
 * One embedded PostgreSQL in a temporary folder, removed by `stop()` (call it in a finally). With
 * `keepDir` the cluster lives there instead and is kept (seeded templates are reused across runs);
 * the `bench` database is created afresh either way.
 */
export async function startBenchPostgres(log: (line: string) => void, keepDir?: string): Promise<BenchPostgres> {
  const folder = keepDir ?? mkdtempSync(join(tmpdir(), 'cl-bench-'));
  const remove = () => {
    if (!keepDir) rmSync(folder, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const dataDir = join(folder, 'pg');
    let server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    const urlOf = (database: string) => server.url.replace(/\/postgres$/, `/${database}`);
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    const version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    await admin.query('DROP DATABASE IF EXISTS bench WITH (FORCE)');
    await admin.query('DROP DATABASE IF EXISTS bench_append WITH (FORCE)');
    await admin.end();
    log(`bench PostgreSQL ${version} on 127.0.0.1:${port} in ${folder}`);
    const restart = async () => {
      await server.stop();
      server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    };
    return {
      url: urlOf('bench'),
      urlOf,
      port,
      version,
      async enableStatementStats() {
        await withClient(server.url, (c) =>
          c.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"),
        );
        await restart();
        await withClient(urlOf('bench'), (c) => c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements'));
        log('pg_stat_statements loaded');
      },
      restart,
      async stop() {
        try {
          await server.stop();
        } finally {
          remove();
        }
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

export interface DatabaseSizes {
  /** pg_database_size */
  readonly databaseMiB: number;
  /** pg_total_relation_size of the event log (table, indexes, TOAST). */
  readonly eventsMiB: number;
}

const MIB = 2 ** 20;

/** The size on disk of a database and of its `events` table. */
export async function databaseSizes(url: string): Promise<DatabaseSizes> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ database: string; events: string }>(
      `SELECT pg_database_size(current_database()) AS database, pg_total_relation_size('public.events') AS events`,
    );
    return { databaseMiB: Number(rows[0]!.database) / MIB, eventsMiB: Number(rows[0]!.events) / MIB };
  });
}

/** pg_total_relation_size of every table of a schema, in MiB, and their sum. */
export async function schemaSizes(
  url: string,
  schema: string,
): Promise<{ totalMiB: number; tables: Record<string, number> }> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 2 DESC`,
      [schema],
    );
    const tables = Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes) / MIB]));
    return { totalMiB: Object.values(tables).reduce((a, b) => a + b, 0), tables };
  });
}

/** Runs SQL on a database with a short-lived client. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The q-quantile (0..1) of a sorted sample, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly firstError: string | null;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export function summarize(latencies: number[], errors: number, firstError: string | null, ms: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    firstError,
    seconds: ms / 1000,
    perSecond: (latencies.length * 1000) / ms,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
  };
}

export interface GraphQLLoad {
  /** e.g. http://127.0.0.1:PORT/graphql */
  readonly url: string;
  readonly concurrency: number;
  /** Stops after this long (ms) ... */
  readonly durationMs: number;
  /** ... or after this many requests, whichever comes first. */
  readonly maxRequests?: number;
  /** The i-th request: body and bearer token. */
  body(i: number): { query: string; variables?: Record<string, unknown>; token?: string };
}

interface Reply {
  status: number;
  text: string;
}

function post(agent: Agent, url: URL, payload: string, token: string | undefined): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * `concurrency` clients, each sending its next request when the previous one is answered, over
 * keep-alive connections to loopback. A reply with `errors` or a non-200 status counts as an error.
 */
export async function graphqlLoad(load: GraphQLLoad): Promise<LoadResult> {
  const url = new URL(load.url);
  const agent = new Agent({ keepAlive: true, maxSockets: load.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const max = load.maxRequests ?? Number.POSITIVE_INFINITY;
  const started = performance.now();
  const deadline = started + load.durationMs;
  const client = async () => {
    while (performance.now() < deadline && next < max) {
      const { token, ...body } = load.body(next++);
      const t0 = performance.now();
      let failure: string | null = null;
      try {
        const reply = await post(agent, url, JSON.stringify(body), token);
        if (reply.status !== 200 || reply.text.includes('"errors"')) failure = `${reply.status} ${reply.text}`;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      if (failure === null) latencies.push(performance.now() - t0);
      else {
        errors++;
        firstError ??= failure.slice(0, 400);
      }
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, client));
  const ms = performance.now() - started;
  agent.destroy();
  return summarize(latencies, errors, firstError, ms);
}

/** Sends one GraphQL request and returns `data`; throws on errors. */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const agent = new Agent({ keepAlive: false });
  try {
    const reply = await post(agent, new URL(url), JSON.stringify({ query, variables }), token);
    const parsed = JSON.parse(reply.text) as { data?: T; errors?: unknown };
    if (reply.status !== 200 || parsed.errors || !parsed.data) throw new Error(`GraphQL: ${reply.text.slice(0, 400)}`);
    return parsed.data;
  } finally {
    agent.destroy();
  }
}

/**
 * B6's slices, each from an emptied read side: events the live path (batches of 500) applies for the "before"
 * figure, and events the merge path alone applies (the rate MERGE_SPEED stands for); the whole log if shorter.
 */
export const B6_SLICES = { live: 20_000, merge: 200_000 } as const;

/** Peak resident set size (VmHWM) of a process, in MiB. */
export function peakRssMiB(pid: number | 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Current resident set size (VmRSS) of a process, in MiB. */
export function rssMiB(pid: number | 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Resets a process's VmHWM to its current RSS (Linux `clear_refs` 5), so the next peak is one phase's own. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A count with thin spaces every three digits, or a ratio/latency with sensible decimals. */
export function fmt(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Empties pg_stat_statements (when loaded). */
export async function resetStatementStats(url: string): Promise<void> {
  await withClient(url, (c) => c.query('SELECT pg_stat_statements_reset()'));
}

/** The statements that took the most server time since the last reset, as text lines. */
export async function topStatements(url: string, limit = 15): Promise<string> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ total: number; calls: string; mean: number; rows: string; query: string }>(
      `SELECT total_exec_time AS total, calls, mean_exec_time AS mean, rows, query FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY total_exec_time DESC LIMIT ${limit}`,
    );
    return rows
      .map(
        (r) =>
          `${r.total.toFixed(0).padStart(9)} ms total ${String(r.calls).padStart(8)} calls ${r.mean.toFixed(3).padStart(9)} ms mean ${String(r.rows).padStart(9)} rows  ${r.query.replace(/\s+/g, ' ').slice(0, 300)}`,
      )
      .join('\n');
  });
}
