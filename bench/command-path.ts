// `node dist/bench/command-path.js --pg-dir DIR [--scale N] [--rounds R] [--variant 'label|main.js|K=V ...'] [--queries | --queries-only a,b] [--profile DIR]`
// The command path alone, for a fast loop and for before/after pairs in one run: the B2 grant figure
// (32 clients) and the `{__typename}` floor and a grant at one client, with the API's peak RSS, for one or
// more API builds (variants), alternating, each on a fresh copy of the same database. The database is a
// template `cmd_<scale>_<seed>` made once in the kept cluster: the seeded cohort, B2's enterprises
// registered, the read models rebuilt. Writes bench/results/<start>-<scale>-command.json (or into --profile).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { DISTRICTS } from '@cl/cultivation';
import {
  fmt,
  graphqlLoad,
  type LoadResult,
  peakRssMiB,
  resetPeakRss,
  resetStatementStats,
  rssMiB,
  topStatements,
  startBenchPostgres,
  withClient,
} from './common';
import { startApi, token } from './api';
import { B2_ENTERPRISES, b2Enterprise, commandTemplate, CONCURRENCY, GRANT } from './b2-commands';
import { summarizeCpuProfiles } from './cpu-profile';
import { benchQueries, QUERY_ORDER, type QueryName } from './b5-queries';

interface Variant {
  label: string;
  main?: string;
  env: Record<string, string>;
  nodeArgs: string[];
}

interface Args {
  scale: number;
  pgDir: string;
  rounds: number;
  profile?: string;
  variants: Variant[];
  grantSeconds: number;
  /** Also B5's queries (before the grants), for the API's peak RSS under 32 query clients. */
  queries: boolean;
  /** With --queries-only: just these B5 queries (comma-separated names), each with its CPU per request. */
  queryNames?: QueryName[];
}

/** 32-client grants: TECH_SME on enterprises [0, GRANT_LIMIT); one-client grants on the rest. */
const GRANT_LIMIT = 15_000;
const SINGLE_MS = 3_000;
const FLOOR_MS = 5_000;

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> & { variants: Variant[] } = {
    scale: 30_000,
    rounds: 1,
    variants: [],
    grantSeconds: 10,
    queries: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--scale') args.scale = Number(value().replace(/[_,]/g, ''));
    else if (flag === '--pg-dir') args.pgDir = resolve(value());
    else if (flag === '--rounds') args.rounds = Number(value());
    else if (flag === '--grant-seconds') args.grantSeconds = Number(value());
    else if (flag === '--profile') args.profile = resolve(value());
    else if (flag === '--queries') args.queries = true;
    else if (flag === '--queries-only') {
      args.queries = true;
      args.queryNames = value().split(',') as QueryName[];
      const unknown = args.queryNames.filter((n) => !QUERY_ORDER.includes(n));
      if (unknown.length > 0)
        throw new Error(`unknown B5 queries: ${unknown.join(', ')} (of ${QUERY_ORDER.join(', ')})`);
    } else if (flag === '--variant') {
      // label|main.js (empty: this build)|K=V K=V (environment; --flags go to node)
      const raw = argv[++i] ?? '';
      const [label, main, extra] = raw.split('|');
      const env: Record<string, string> = {};
      const nodeArgs: string[] = [];
      for (const word of (extra ?? '').split(/\s+/).filter(Boolean)) {
        if (word.startsWith('--')) nodeArgs.push(word);
        else {
          const eq = word.indexOf('=');
          env[word.slice(0, eq)] = word.slice(eq + 1);
        }
      }
      args.variants.push({
        label: label || `v${args.variants.length + 1}`,
        main: main ? resolve(main) : undefined,
        env,
        nodeArgs,
      });
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.pgDir) throw new Error('--pg-dir DIR is required (the command template is kept there)');
  if (args.variants.length === 0) args.variants.push({ label: 'this build', env: {}, nodeArgs: [] });
  return args as Args;
}

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

interface Figures {
  label: string;
  round: number;
  floor1: Measured;
  grant1: Measured;
  floor32: Measured;
  grant32: Measured;
  idleRssMiB: number;
  peakRssGrantMiB: number;
  peakRssQueriesMiB: number | null;
  /** B5's queries at 32 clients, with CPU per request, and their one-client figures. */
  queries: Partial<Record<QueryName, { loaded: Measured; single: LoadResult }>>;
  /** Projector transactions during the 32-client grants (from /metrics). */
  projectorBatches: number;
  load: string;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system) of a process, with its waited-for children, in ms. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0; // gone
  }
}

/** CPU time of the bench PostgreSQL: its postmaster (with exited backends) and every live child, in ms. */
function serverCpuMs(postmaster: number): number {
  let total = cpuMs(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(
        readFileSync(`/proc/${entry}/stat`, 'utf8')
          .replace(/^.*\) /, '')
          .split(' ')[1],
      );
      if (ppid === postmaster) total += cpuMs(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** Runs a load and adds the CPU the API and PostgreSQL spent on it, per answered request (ms). */
async function withCpu(
  apiPid: number,
  postmaster: number,
  work: () => Promise<LoadResult>,
): Promise<LoadResult & { apiCpuMsPerRequest: number; pgCpuMsPerRequest: number }> {
  const api0 = cpuMs(apiPid);
  const pg0 = serverCpuMs(postmaster);
  const result = await work();
  const n = Math.max(1, result.requests);
  return {
    ...result,
    apiCpuMsPerRequest: (cpuMs(apiPid) - api0) / n,
    pgCpuMsPerRequest: (serverCpuMs(postmaster) - pg0) / n,
  };
}

/** Projector batches committed so far (ledger_projector_batch_events_count on /metrics). */
async function projectorBatchCount(graphqlUrl: string): Promise<number> {
  const text = await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics')).then((r) => r.text());
  return Number(/^ledger_projector_batch_events_count (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

type Measured = LoadResult & { apiCpuMsPerRequest: number; pgCpuMsPerRequest: number };

const FLOOR = { query: '{ __typename }' };

/** The grant of TECH_SME to B2 enterprise i, with its district official's token. */
function grantBody(i: number, tokens: Map<string, string>) {
  const { creditCode, district } = b2Enterprise(i);
  return {
    query: GRANT,
    variables: { input: { creditCode, tier: 'TECH_SME', grantedOn: '2026-07-01', certificateNo: `B2-${i}` } },
    token: tokens.get(district)!,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', 'apps', 'libs'], { encoding: 'utf8' }).trim() !== '';
  const pg = await startBenchPostgres(log, args.pgDir);
  const results: Figures[] = [];
  try {
    const template = await commandTemplate(pg, args.scale, true, log);
    const postmaster = () => Number(readFileSync(join(args.pgDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const tokens = new Map<string, string>();
    for (const d of DISTRICTS) tokens.set(d.code, await token('DISTRICT_OFFICIAL', d.code));
    const freshBench = () =>
      withClient(pg.urlOf('postgres'), async (c) => {
        await c.query('DROP DATABASE IF EXISTS bench WITH (FORCE)');
        await c.query(`CREATE DATABASE bench TEMPLATE ${template} STRATEGY file_copy`);
      });
    if (args.profile) {
      mkdirSync(args.profile, { recursive: true });
      await freshBench();
      await pg.enableStatementStats();
    }
    for (let round = 1; round <= args.rounds; round++) {
      for (const [k, variant] of args.variants.entries()) {
        await freshBench();
        if (args.profile) await withClient(pg.url, (c) => c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements'));
        const load = execFileSync('uptime', { encoding: 'utf8' })
          .trim()
          .replace(/.*load average: /, '');
        log(`round ${round}, ${variant.label}: starting the API (load ${load})`);
        const api = await startApi(pg.url, log, args.profile, {
          main: variant.main,
          env: variant.env,
          nodeArgs: variant.nodeArgs,
          profileName: `api-${k}-${round}.cpuprofile`,
        });
        try {
          const idleRssMiB = rssMiB(api.pid);
          const url = api.url;
          const measured = (work: () => Promise<LoadResult>) => withCpu(api.pid, postmaster(), work);
          await graphqlLoad({ url, concurrency: 1, durationMs: 1_000, body: () => FLOOR }); // warm-up
          const floor1 = await measured(() =>
            graphqlLoad({ url, concurrency: 1, durationMs: SINGLE_MS, body: () => FLOOR }),
          );
          const grant1 = await measured(() =>
            graphqlLoad({
              url,
              concurrency: 1,
              durationMs: SINGLE_MS,
              maxRequests: B2_ENTERPRISES - GRANT_LIMIT,
              body: (i) => grantBody(GRANT_LIMIT + i, tokens),
            }),
          );
          const floor32 = await measured(() =>
            graphqlLoad({ url, concurrency: CONCURRENCY, durationMs: FLOOR_MS, body: () => FLOOR }),
          );
          let peakRssQueriesMiB: number | null = null;
          const queries: Figures['queries'] = {};
          if (args.queries) {
            resetPeakRss(api.pid);
            const b5 = await benchQueries(url, args.scale, log, { only: args.queryNames, measure: measured });
            peakRssQueriesMiB = peakRssMiB(api.pid);
            for (const name of Object.keys(b5.loaded) as QueryName[]) {
              queries[name] = { loaded: b5.loaded[name] as Measured, single: b5.single[name] };
            }
            const errors = Object.values(b5.loaded).reduce((n, r) => n + r.errors, 0);
            log(`  B5 queries: peak RSS ${fmt(peakRssQueriesMiB)} MiB${errors ? `, ${errors} errors` : ''}`);
          }
          resetPeakRss(api.pid);
          if (args.profile) await resetStatementStats(pg.url);
          const batchesBefore = await projectorBatchCount(url);
          const grant32 = await measured(() =>
            graphqlLoad({
              url,
              concurrency: CONCURRENCY,
              durationMs: args.grantSeconds * 1000,
              maxRequests: GRANT_LIMIT,
              body: (i) => grantBody(i, tokens),
            }),
          );
          const peakRssGrantMiB = peakRssMiB(api.pid);
          const projectorBatches = await projectorBatchCount(api.url);
          if (args.profile) {
            const statements = await topStatements(pg.url, 25);
            writeFileSync(join(args.profile, `grant32-${k}-${round}-statements.txt`), `${statements}\n`);
          }
          const f: Figures = {
            label: variant.label,
            round,
            floor1,
            grant1,
            floor32,
            grant32,
            idleRssMiB,
            peakRssGrantMiB,
            peakRssQueriesMiB,
            queries,
            projectorBatches: projectorBatches - batchesBefore,
            load,
          };
          results.push(f);
          const errors = [f.floor1, f.grant1, f.floor32, f.grant32].filter((r) => r.errors > 0);
          log(
            `  CPU/request API+PG: floor 1c ${fmt(f.floor1.apiCpuMsPerRequest, 2)}+${fmt(f.floor1.pgCpuMsPerRequest, 2)} ms, grant 1c ${fmt(f.grant1.apiCpuMsPerRequest, 2)}+${fmt(f.grant1.pgCpuMsPerRequest, 2)} ms, grant 32c ${fmt(f.grant32.apiCpuMsPerRequest, 2)}+${fmt(f.grant32.pgCpuMsPerRequest, 2)} ms`,
          );
          log(
            `  floor 1c p50 ${fmt(f.floor1.p50Ms, 2)} ms · grant 1c p50 ${fmt(f.grant1.p50Ms, 2)} ms (${fmt(f.grant1.p50Ms / f.floor1.p50Ms, 1)}×) · ` +
              `floor 32c ${fmt(f.floor32.perSecond)}/s p99 ${fmt(f.floor32.p99Ms, 1)} · grant 32c ${fmt(f.grant32.perSecond)}/s ` +
              `p50 ${fmt(f.grant32.p50Ms, 1)} p99 ${fmt(f.grant32.p99Ms, 1)} ms · RSS idle ${fmt(idleRssMiB)} peak ${fmt(peakRssGrantMiB)} MiB · projector batches ${fmt(f.projectorBatches)}` +
              (errors.length ? ` · ERRORS: ${errors[0]!.firstError}` : ''),
          );
        } finally {
          await api.stop();
        }
      }
    }
  } finally {
    await pg.stop();
  }
  const header = `command path — scale ${fmt(args.scale)}, ${started.toISOString()}, code ${commit}${dirty ? ' (dirty)' : ''}, ${cpus()[0]?.model}, ${cpus().length} cores, Node ${process.version}`;
  const cpu = (r: Measured) => `${fmt(r.apiCpuMsPerRequest, 2)} + ${fmt(r.pgCpuMsPerRequest, 2)}`;
  const lines = [
    header,
    'CPU: ms of the API process + ms of the PostgreSQL server per answered request.',
    '',
    '| variant | round | load | floor 1c p50 · CPU | grant 1c p50 · CPU | grant ÷ floor 1c: p50 · API CPU | floor 32c /s · p99 | grant 32c /s · p50 / p99 · CPU | RSS idle / peak grants / peak queries | projector batches |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const f of results) {
    lines.push(
      `| ${f.label} | ${f.round} | ${f.load} | ${fmt(f.floor1.p50Ms, 2)} ms · ${cpu(f.floor1)} | ${fmt(f.grant1.p50Ms, 2)} ms · ${cpu(f.grant1)} | ` +
        `${fmt(f.grant1.p50Ms / f.floor1.p50Ms, 1)} · ${fmt(f.grant1.apiCpuMsPerRequest / f.floor1.apiCpuMsPerRequest, 1)} | ` +
        `${fmt(f.floor32.perSecond)} · ${fmt(f.floor32.p99Ms, 1)} ms | ${fmt(f.grant32.perSecond)} · ${fmt(f.grant32.p50Ms, 1)} / ${fmt(f.grant32.p99Ms, 1)} ms · ${cpu(f.grant32)} | ` +
        `${fmt(f.idleRssMiB)} / ${fmt(f.peakRssGrantMiB)} / ${fmt(f.peakRssQueriesMiB)} MiB | ${fmt(f.projectorBatches)} |`,
    );
  }
  const queried = QUERY_ORDER.filter((name) => results.some((f) => f.queries[name]));
  if (queried.length > 0) {
    lines.push(
      '',
      'B5 at 32 clients: p99 · ÷ B5 `{__typename}` p99 (or the floor at 32 clients) · CPU per request; one client: p99.',
      '',
      `| variant | round | ${queried.join(' | ')} |`,
      `|---|---|${queried.map(() => '---|').join('')}`,
    );
    for (const f of results) {
      const floor = f.queries['{__typename}']?.loaded.p99Ms ?? f.floor32.p99Ms;
      const cell = (name: QueryName) => {
        const q = f.queries[name];
        return q
          ? `${fmt(q.loaded.p99Ms, 1)} ms · ${fmt(q.loaded.p99Ms / floor, 2)} · ${cpu(q.loaded)} · 1c ${fmt(q.single.p99Ms, 1)} ms`
          : '–';
      };
      lines.push(`| ${f.label} | ${f.round} | ${queried.map(cell).join(' | ')} |`);
    }
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
  const dir = args.profile ?? resolve('bench/results');
  const file = join(dir, `${started.toISOString().slice(0, 16).replace(':', '')}Z-${args.scale}-command.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date: started.toISOString(), scale: args.scale, code: { commit, dirty }, variants: args.variants, results, table: lines }, null, 2)}\n`,
  );
  log(`wrote ${file}`);
  if (args.profile) writeFileSync(join(args.profile, 'cpu-summary.txt'), `${summarizeCpuProfiles(args.profile)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `command-path bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
