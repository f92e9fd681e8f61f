// `npm run bench:engines [-- --scale N] [--seconds S] [--pg-dir DIR] [--baseline-main PATH]`: issue 24's
// side-by-side figure. The same schema and resolvers (AppModule) behind (a) Apollo 5 on Express 5, (b) Fastify + Mercurius with graphql-jit and
// (c) GraphQL Yoga on Fastify with @envelop/graphql-jit (all three bare, bench/engines-api.ts), (d) the service as it
// is (Mercurius with every guarantee, dist/apps/api), plus a bare Node `http` server answering the floor's JSON bytes
// (the machine's HTTP limit with this load generator); with --baseline-main, (e) another build of the service (its
// dist/apps/api/src/main.js, e.g. main before a change, built in a copy of that commit beside these node_modules).
// Load from autocannon (in this process) at 1 and 32 connections: the `{__typename}` floor, cohortProgress (arguments
// varied so the result cache mostly misses) and grants (a fresh enterprise each, on a fresh copy of one template per
// engine). Prints one table with ratios; writes bench/results/<start>-<scale>-engines.json.
import autocannon from 'autocannon';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DISTRICTS } from '@cl/cultivation';
import { freePort } from '@cl/platform';
import { startApi, token } from './api';
import { b2Enterprise, commandTemplate, GRANT } from './b2-commands';
import { COHORT_PROGRESS } from './b5-queries';
import { BENCH_TODAY } from './seed';
import { fmt, sleep, startBenchPostgres, withClient } from './common';
import { resultName } from './report';

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const ENGINES = ['bare http', 'apollo+express', 'mercurius+jit', 'yoga+jit', 'service'] as const;
/** ENGINE of bench/engines-api.ts for each bare engine; the service runs its own main. */
const VARIANT: Partial<Record<Engine, string>> = {
  'apollo+express': 'apollo',
  'mercurius+jit': 'mercurius',
  'yoga+jit': 'yoga',
};
/** With --baseline-main: another build of the service (e.g. main before a change), as a sixth column. */
type Engine = (typeof ENGINES)[number] | 'baseline service';
const WORKLOADS = ['floor', 'cohortProgress', 'grants'] as const;
type Workload = (typeof WORKLOADS)[number];
const CONNECTIONS = [1, 32] as const;

/** The floor's answer, byte for byte, which the bare server sends to every request. */
const FLOOR_ANSWER = '{"data":{"__typename":"Query"}}';
/** Enterprises [0, 8000) for the one-connection grants, [8000, 16000) for 32 (each engine has a fresh database). */
const GRANT_RANGE = 8_000;

interface Cell {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  firstError: string | null;
}

function parseArgs(argv: string[]) {
  const args = {
    scale: 1_000,
    seconds: 3,
    pgDir: undefined as string | undefined,
    baselineMain: undefined as string | undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--scale') args.scale = Number(value().replace(/[_,]/g, ''));
    else if (flag === '--seconds') args.seconds = Number(value());
    else if (flag === '--pg-dir') args.pgDir = resolve(value());
    else if (flag === '--baseline-main') args.baselineMain = resolve(value());
    else
      throw new Error(`unknown argument ${argv[i]} (use --scale N, --seconds S, --pg-dir DIR, --baseline-main PATH)`);
  }
  if (!Number.isInteger(args.scale) || args.scale < 100) throw new Error('--scale takes a whole number ≥ 100');
  if (!(args.seconds >= 1)) throw new Error('--seconds takes a number ≥ 1');
  return args;
}

/** The bare server, in its own process like the APIs: the floor's bytes for any request, keep-alive. */
async function startBare(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const source = `const body = Buffer.from(${JSON.stringify(FLOOR_ANSWER)});
    require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body); }); }).listen(${port}, '127.0.0.1', () => process.send('ready'));`;
  const child: ChildProcess = spawn(process.execPath, ['-e', source], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((ok, fail) => {
    child.once('message', () => ok());
    child.once('exit', (code) => fail(new Error(`the bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}

type Body = (i: number) => { body: string; authorization?: string };

/** autocannon at `connections`, each request's body from `body(i)`; a non-200 or an `errors` key is an error. */
async function load(url: string, connections: number, seconds: number, body: Body): Promise<Cell> {
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { body: payload, authorization } = body(next++);
          return {
            ...request,
            body: payload,
            headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          };
        },
        onResponse: (status, text) => {
          if (status !== 200 || text.includes('"errors"')) {
            errors++;
            firstError ??= `${status} ${text.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: errors + result.errors + result.non2xx,
    firstError,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const engines: Engine[] = args.baselineMain ? [...ENGINES, 'baseline service'] : [...ENGINES];
  const started = new Date();
  const git = (...a: string[]) => execFileSync('git', a, { encoding: 'utf8' }).trim();
  const code = {
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: git('status', '--porcelain', 'apps', 'libs', 'bench') !== '',
  };
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
  const loadAtStart = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  log(`engines bench at scale ${fmt(args.scale)}, ${args.seconds} s a cell, load average ${loadAtStart}`);

  const analyst = `Bearer ${await token('ANALYST')}`;
  const officials = new Map<string, string>();
  for (const d of DISTRICTS) officials.set(d.code, `Bearer ${await token('DISTRICT_OFFICIAL', d.code)}`);
  const floor: Body = () => ({ body: '{"query":"{ __typename }"}' });
  const cohortProgress: Body = (i) => {
    const day = new Date(Date.parse(`${BENCH_TODAY}T00:00:00Z`) - (i % 700) * 86_400_000).toISOString().slice(0, 10);
    const district = i % 3 === 0 ? null : DISTRICTS[i % DISTRICTS.length]!.code;
    return {
      body: JSON.stringify({ query: COHORT_PROGRESS, variables: { asOf: day, district } }),
      authorization: analyst,
    };
  };
  const grants =
    (offset: number): Body =>
    (i) => {
      if (i >= GRANT_RANGE) throw new Error(`more than ${GRANT_RANGE} grants in one cell: raise GRANT_RANGE`);
      const { creditCode, district } = b2Enterprise(offset + i);
      const input = { creditCode, tier: 'TECH_SME', grantedOn: '2026-07-01', certificateNo: `E-${offset + i}` };
      return { body: JSON.stringify({ query: GRANT, variables: { input } }), authorization: officials.get(district)! };
    };
  const bodies: Record<Workload, (connections: number) => Body> = {
    floor: () => floor,
    cohortProgress: () => cohortProgress,
    grants: (connections) => grants(connections === 1 ? 0 : GRANT_RANGE),
  };

  const table = new Map<string, Cell>();
  const key = (engine: Engine, workload: Workload, connections: number) => `${engine}|${workload}|${connections}`;
  const pg = await startBenchPostgres(log, args.pgDir);
  try {
    const template = await commandTemplate(pg, args.scale, args.pgDir !== undefined, log);
    for (const engine of engines) {
      const server =
        engine === 'bare http'
          ? await startBare()
          : await (async () => {
              await withClient(pg.urlOf('postgres'), async (c) => {
                await c.query('DROP DATABASE IF EXISTS bench WITH (FORCE)');
                await c.query(`CREATE DATABASE bench TEMPLATE ${template} STRATEGY file_copy`);
              });
              return startApi(
                pg.url,
                log,
                undefined,
                engine === 'service'
                  ? {}
                  : engine === 'baseline service'
                    ? { main: args.baselineMain! }
                    : { main: resolve('dist/bench/engines-api.js'), env: { ENGINE: VARIANT[engine]! } },
              );
            })();
      try {
        for (const workload of engine === 'bare http' ? (['floor'] as const) : WORKLOADS) {
          for (const connections of CONNECTIONS) {
            await sleep(200);
            const cell = await load(server.url, connections, args.seconds, bodies[workload](connections));
            table.set(key(engine, workload, connections), cell);
            log(
              `${engine.padEnd(15)} ${workload.padEnd(14)} ${String(connections).padStart(2)} conn: ${fmt(cell.perSecond)}/s ` +
                `p50 ${fmt(cell.p50Ms, 1)} p99 ${fmt(cell.p99Ms, 1)} ms${cell.errors ? `, ${cell.errors} errors (${cell.firstError})` : ''}`,
            );
          }
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await pg.stop();
  }

  const loadAtEnd = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const bare = (c: number) => table.get(key('bare http', 'floor', c))!;
  const lines = [
    `GraphQL engines, scale ${fmt(args.scale)}, ${args.seconds} s a cell, autocannon ${autocannonVersion()}, ` +
      `${machine.cpus} × ${machine.cpu}, Node ${machine.node}, commit ${code.commit}${code.dirty ? ' (+changes)' : ''}, ` +
      `load average ${loadAtStart} → ${loadAtEnd}`,
    '',
    '| engine | workload | conn | req/s | p50 ms | p99 ms | ÷ bare http (req/s) | ÷ apollo (req/s) | p99 ÷ own floor p99 | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const engine of engines)
    for (const workload of WORKLOADS)
      for (const connections of CONNECTIONS) {
        const cell = table.get(key(engine, workload, connections));
        if (!cell) continue;
        const apollo = table.get(key('apollo+express', workload, connections));
        const ownFloor = table.get(key(engine, 'floor', connections))!;
        lines.push(
          `| ${engine} | ${workload} | ${connections} | ${fmt(cell.perSecond)} | ${fmt(cell.p50Ms, 1)} | ${fmt(cell.p99Ms, 1)} | ` +
            `${(cell.perSecond / bare(connections).perSecond).toFixed(3)} | ` +
            `${apollo ? (cell.perSecond / apollo.perSecond).toFixed(2) : '–'} | ` +
            `${engine === 'bare http' ? '–' : (cell.p99Ms / ownFloor.p99Ms).toFixed(2)} | ${cell.errors} |`,
        );
      }
  process.stdout.write(`\n${lines.join('\n')}\n`);
  const dir = resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, resultName(started, `${args.scale}-engines`));
  writeFileSync(
    file,
    `${JSON.stringify({ date: started.toISOString(), scale: args.scale, seconds: args.seconds, machine, code, loadAtStart, loadAtEnd, cells: Object.fromEntries(table) }, null, 2)}\n`,
  );
  log(`wrote ${file}`);
}

function autocannonVersion(): string {
  return (JSON.parse(readFileSync(resolve('node_modules/autocannon/package.json'), 'utf8')) as { version: string })
    .version;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `engines bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
