// `npm run bench [-- --scale N] [--pg-dir DIR] [--profile DIR] [--only B3|B4|seed]`: one bench PostgreSQL, seeded
// once with the demo cohort, then B1–B5 (or, with --only B3, B1's raw baseline and the imports; with
// --only B4, the rebuild alone; with --only seed, the seeded template and nothing else); prints the table
// and writes bench/results/<date>-<scale>[-B3|-b4].json.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type BenchPostgres,
  fmt,
  type LoadResult,
  peakRssMiB,
  resetPeakRss,
  resetStatementStats,
  rssMiB,
  startBenchPostgres,
  topStatements,
} from './common';
import { summarizeCpuProfiles } from './cpu-profile';
import { startApi, type RunningApi, waitForProjection } from './api';
import { benchAppend } from './b1-append';
import { B2_ENTERPRISES, benchGrants, benchRawInserts, registerB2Enterprises } from './b2-commands';
import { benchImport, benchNameOnlyImport, type ImportFigures } from './b3-import';
import { benchProjection, type ProjectionFigures } from './b4-projection';
import { benchQueries, QUERY_ORDER, type QueryName } from './b5-queries';
import { BENCH_SEED, BENCH_TODAY, prepareBenchDatabase } from './seed';

interface Row {
  id: string;
  figure: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number | null;
  /** value / baseline */
  ratio: number | null;
  goal: string;
  met: boolean | null;
}

interface Args {
  scale: number;
  pgDir?: string;
  profile?: string;
  /** B3: only the import figures (and B1, whose raw INSERT rate is their baseline); B4: only the rebuild. */
  only?: 'B3' | 'B4' | 'SEED';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { scale: 30_000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--scale') args.scale = Number(value().replace(/[_,]/g, ''));
    else if (flag === '--pg-dir') args.pgDir = resolve(value());
    else if (flag === '--profile') args.profile = resolve(value());
    else if (flag === '--only') {
      const only = value().toUpperCase();
      if (only !== 'B3' && only !== 'B4' && only !== 'SEED')
        throw new Error('--only takes B3 (the import figures), B4 (the rebuild) or seed (prepare the template)');
      args.only = only;
    } else {
      throw new Error(`unknown argument ${argv[i]} (use --scale N, --pg-dir DIR, --profile DIR, --only B3|B4|seed)`);
    }
  }
  if (!Number.isInteger(args.scale) || args.scale < 100) throw new Error('--scale must be a whole number ≥ 100');
  return args;
}

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

function row(r: Omit<Row, 'ratio'> & { ratio?: number | null }): Row {
  const ratio = r.ratio ?? (r.baselineValue ? r.value / r.baselineValue : null);
  return { ...r, ratio };
}

function table(rows: Row[]): string {
  const head = ['id', 'figure', 'value', 'baseline', 'ratio', 'goal', 'met?'];
  const body = rows.map((r) => [
    r.id,
    r.figure,
    `${fmt(r.value, r.unit === 'ms' || r.unit === 'MiB' ? 1 : 0)} ${r.unit}`,
    r.baseline,
    r.ratio === null ? '–' : fmt(r.ratio, 2),
    r.goal,
    r.met === null ? '–' : r.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => [...b[c]!].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** The B3 rows of the table: each import's rows/s beside B1's raw INSERT rate converted to its rows. */
function importRows(rawEventsPerSecond: number, ...imports: ImportFigures[]): Row[] {
  return imports.map((b3) =>
    row({
      id: 'B3',
      figure: `import ${fmt(b3.rows)}-row ${b3.label}`,
      value: b3.rowsPerSecond,
      unit: 'rows/s',
      baseline: `B1 raw INSERT at ${fmt(b3.eventsWritten / b3.rows, 2)} ev/row: ${fmt((rawEventsPerSecond * b3.rows) / b3.eventsWritten)} rows/s`,
      baselineValue: (rawEventsPerSecond * b3.rows) / b3.eventsWritten,
      goal: '≥ 10,000 rows/s',
      met: b3.rowsPerSecond >= 10_000 && b3.rejected === 0,
    }),
  );
}

function machineOf(postgres: string, rssResetSupported: boolean) {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    rssResetSupported,
  };
}

function header(
  scale: number,
  started: Date,
  code: { commit: string; dirty: boolean },
  m: ReturnType<typeof machineOf>,
) {
  return (
    `\nCultivation Ledger benchmarks — scale ${fmt(scale)} enterprises, ${started.toISOString()}\n` +
    `code ${code.commit}${code.dirty ? ' (with uncommitted changes in apps/ or libs/)' : ''}\n` +
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}\n\n`
  );
}

interface ResultFile {
  date: string;
  scale: number;
  figures: { b5: Record<string, LoadResult> };
}

/** B4: the rebuild's events/s beside a raw ordered read of the same log in the same child. */
function b4Row(b4: ProjectionFigures): Row {
  return row({
    id: 'B4',
    figure: `rebuild (${fmt(b4.events)} events, ${fmt(b4.seconds, 1)} s)`,
    value: b4.eventsPerSecond,
    unit: 'ev/s',
    baseline: `raw ordered read ${fmt(b4.rawEventsPerSecond)} ev/s`,
    baselineValue: b4.rawEventsPerSecond,
    goal: '≥ 0.30 of raw',
    met: b4.eventsPerSecond >= 0.3 * b4.rawEventsPerSecond,
  });
}

const SMALL = 30_000;
const LARGE = 1_000_000;

/** The latest result at the other of the two reference scales (30,000 ↔ 1,000,000), for the B5 scale ratios. */
function latestOtherScale(dir: string, scale: number): ResultFile | null {
  const wanted = scale === SMALL ? LARGE : scale === LARGE ? SMALL : null;
  if (wanted === null) return null;
  let best: ResultFile | null = null;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    try {
      const r = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ResultFile;
      if (r.scale === wanted && r.figures?.b5 && (!best || r.date > best.date)) best = r;
    } catch {
      // not a result file
    }
  }
  return best;
}

/** B3: the import of a list with credit codes (it registers 60,000 enterprises), then a name-only list of them. */
async function runImports(
  pg: BenchPostgres,
  statements: (phase: string, work: () => Promise<void>) => Promise<void>,
): Promise<[ImportFigures, ...ImportFigures[]]> {
  log('B3 import: 100,000-row CSV with credit codes');
  let b3!: ImportFigures;
  await statements('b3', async () => void (b3 = await benchImport(pg.url)));
  logImport(b3);
  log('B3 import: 100,000-row name-only list');
  let names!: ImportFigures;
  await statements('b3-names', async () => void (names = await benchNameOnlyImport(pg.url, log)));
  logImport(names);
  return [b3, names];
}

function logImport(b3: ImportFigures): void {
  log(
    `  ${fmt(b3.rows)} rows in ${fmt(b3.seconds, 1)} s (${b3.rejected} refused${b3.firstRejection ? `: ${b3.firstRejection}` : ''})`,
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const git = (...a: string[]) => {
    try {
      return execFileSync('git', a, { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  // The code measured (built just before this process started): the commit, and whether apps/ or libs/
  // differed from it (a shared working tree).
  const code = {
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: git('status', '--porcelain', 'apps', 'libs') !== '',
  };
  const started = new Date();
  const resultsDir = resolve('bench/results');
  mkdirSync(resultsDir, { recursive: true });
  let pg: BenchPostgres | undefined;
  let api: RunningApi | undefined;
  const cleanup = async () => {
    await api?.stop().catch(() => undefined);
    api = undefined;
    await pg?.stop().catch((e: unknown) => log(`could not stop PostgreSQL: ${String(e)}`));
    pg = undefined;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the API and PostgreSQL`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    pg = await startBenchPostgres(log, args.pgDir);
    const seeded = await prepareBenchDatabase(pg, args.scale, args.pgDir !== undefined, log);
    const profile = args.profile;
    const statements = async (phase: string, work: () => Promise<void>) => {
      if (profile) await resetStatementStats(pg!.url);
      await work();
      if (profile) writeFileSync(join(profile, `${phase}-statements.txt`), `${await topStatements(pg!.url)}\n`);
    };
    if (profile) {
      mkdirSync(profile, { recursive: true });
      await pg.enableStatementStats();
    }
    log(
      `seed: ${fmt(seeded.enterprises)} enterprises, ${fmt(seeded.events)} events in ${fmt(seeded.seconds, 1)} s${seeded.reused ? ' (reused template)' : ''}`,
    );

    if (args.only === 'SEED') {
      if (!args.pgDir) log('--only seed without --pg-dir: the seeded cluster is removed again');
      return;
    }

    if (args.only === 'B4') {
      log('B4 projection only: full rebuild in a child process');
      const b4 = await benchProjection(pg.url, profile);
      const rows = [b4Row(b4)];
      process.stdout.write(
        `\nCultivation Ledger benchmarks (B4 only) — scale ${fmt(args.scale)} enterprises, ${started.toISOString()}\n` +
          `code ${code.commit}${code.dirty ? ' (with uncommitted changes in apps/ or libs/)' : ''}\n\n${table(rows)}\n` +
          `rebuild peak RSS ${fmt(b4.peakRssMiB, 1)} MiB; phases (s from start): ${JSON.stringify(b4.phases)}\n`,
      );
      const file = join(
        profile ?? resultsDir,
        `${started.toISOString().slice(0, 16).replace(':', '')}Z-${args.scale}-b4.json`,
      );
      const cpu = cpus();
      const machine = {
        cpu: cpu[0]?.model ?? 'unknown',
        cores: cpu.length,
        node: process.version,
        postgres: pg.version,
      };
      writeFileSync(
        file,
        `${JSON.stringify({ date: started.toISOString(), scale: args.scale, only: 'b4', machine, code, figures: { seed: seeded, b4 }, table: rows }, null, 2)}\n`,
      );
      log(`wrote ${file}`);
      return;
    }

    log('B1 append');
    const b1 = await benchAppend(pg, log);

    if (args.only === 'B3') {
      const imports = await runImports(pg, statements);
      const rows = [
        row({
          id: 'B1',
          figure: 'raw multi-row INSERT (B3 baseline)',
          value: b1.rawEventsPerSecond,
          unit: 'ev/s',
          baseline: '–',
          baselineValue: null,
          goal: '–',
          met: null,
        }),
        ...importRows(b1.rawEventsPerSecond, ...imports),
      ];
      const machine = machineOf(pg.version, false);
      process.stdout.write(`${header(args.scale, started, code, machine)}${table(rows)}\n`);
      const file = join(
        profile ?? resultsDir,
        `${started.toISOString().slice(0, 16).replace(':', '')}Z-${args.scale}-B3.json`,
      );
      const result = {
        date: started.toISOString(),
        scale: args.scale,
        only: 'B3',
        machine,
        code,
        figures: { b1, b3: imports },
        table: rows,
      };
      writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      log(`wrote ${file}`);
      return;
    }

    log(`B2 setup: registering ${fmt(B2_ENTERPRISES)} enterprises`);
    await registerB2Enterprises(pg.url);

    log('B4 projection: full rebuild in a child process');
    let b4!: Awaited<ReturnType<typeof benchProjection>>;
    await statements('b4', async () => void (b4 = await benchProjection(pg!.url, profile)));
    log(`  ${fmt(b4.events)} events in ${fmt(b4.seconds, 1)} s; raw read ${fmt(b4.rawEventsPerSecond)} ev/s`);

    log('starting the API (child process)');
    api = await startApi(pg.url, log, profile);
    const apiIdleRss = rssMiB(api.pid);
    const canReset = resetPeakRss(api.pid);

    log('B5 queries');
    let b5all!: Awaited<ReturnType<typeof benchQueries>>;
    await statements('b5', async () => void (b5all = await benchQueries(api!.url, args.scale, log)));
    const b5 = b5all.loaded;
    const b5PeakRss = peakRssMiB(api.pid);

    log('B2 commands');
    resetPeakRss(api.pid);
    let b2!: LoadResult;
    await statements('b2', async () => void (b2 = await benchGrants(api!.url)));
    const b2PeakRss = peakRssMiB(api.pid);
    log(`  ${fmt(b2.requests)} grants, ${fmt(b2.perSecond)}/s, p50 ${fmt(b2.p50Ms, 1)} ms, p99 ${fmt(b2.p99Ms, 1)} ms`);
    if (b2.errors > 0) log(`  ${b2.errors} errors; first: ${b2.firstError}`);
    await waitForProjection(api.url, log);
    await api.stop();
    api = undefined;
    const b2raw = await benchRawInserts(pg.url);
    const b2notify = await benchRawInserts(pg.url, true);
    log(
      `  raw INSERT transactions: ${fmt(b2raw.perSecond)}/s, p50 ${fmt(b2raw.p50Ms, 1)} ms, p99 ${fmt(b2raw.p99Ms, 1)} ms`,
    );

    const b3all = await runImports(pg, statements);

    const other = latestOtherScale(resultsDir, args.scale);
    const rows: Row[] = [
      row({
        id: 'B1',
        figure: 'append (appendMany, 500 streams × 4 events)',
        value: b1.adapterEventsPerSecond,
        unit: 'ev/s',
        baseline: `raw multi-row INSERT ${fmt(b1.rawEventsPerSecond)} ev/s`,
        baselineValue: b1.rawEventsPerSecond,
        goal: '≥ 60% of raw',
        met: b1.adapterEventsPerSecond >= 0.6 * b1.rawEventsPerSecond,
      }),
      row({
        id: 'B2',
        figure: 'grantCertification, 32 clients',
        value: b2.perSecond,
        unit: 'cmd/s',
        baseline: `raw 1-row INSERT tx ${fmt(b2raw.perSecond)} tx/s`,
        baselineValue: b2raw.perSecond,
        goal: '≥ 1,000 cmd/s',
        met: b2.perSecond >= 1000 && b2.errors === 0,
      }),
      row({
        id: 'B2',
        figure: 'diagnostic: raw INSERT tx + pg_notify, 32 conns',
        value: b2notify.perSecond,
        unit: 'tx/s',
        baseline: `raw 1-row INSERT tx ${fmt(b2raw.perSecond)} tx/s`,
        baselineValue: b2raw.perSecond,
        goal: '–',
        met: null,
      }),
      row({
        id: 'B2',
        figure: 'grantCertification p50',
        value: b2.p50Ms,
        unit: 'ms',
        baseline: `raw INSERT p50 ${fmt(b2raw.p50Ms, 1)} ms`,
        baselineValue: b2raw.p50Ms,
        goal: '–',
        met: null,
      }),
      row({
        id: 'B2',
        figure: 'grantCertification p99',
        value: b2.p99Ms,
        unit: 'ms',
        baseline: `raw INSERT p99 ${fmt(b2raw.p99Ms, 1)} ms`,
        baselineValue: b2raw.p99Ms,
        goal: '≤ 50 ms',
        met: b2.p99Ms <= 50,
      }),
      ...importRows(b1.rawEventsPerSecond, ...b3all),
      b4Row(b4),
    ];
    const floor = b5['{__typename}'];
    for (const name of QUERY_ORDER.filter((n) => n !== '{__typename}')) {
      const r = b5[name];
      for (const q of ['p50', 'p99'] as const) {
        const value = q === 'p50' ? r.p50Ms : r.p99Ms;
        const base = q === 'p50' ? floor.p50Ms : floor.p99Ms;
        const goal = name === 'cohortProgress' && q === 'p99';
        rows.push(
          row({
            id: 'B5',
            figure: `${name} ${q}${r.errors > 0 ? ` (${r.errors} errors)` : ''}`,
            value,
            unit: 'ms',
            baseline: `{__typename} ${q} ${fmt(base, 1)} ms`,
            baselineValue: base,
            goal: goal ? '≤ 10 ms at 1,000,000' : '–',
            met: goal && args.scale >= 1_000_000 ? value <= 10 : null,
          }),
        );
      }
    }
    const floorSingle = b5all.single['{__typename}'];
    for (const name of QUERY_ORDER.filter((n) => n !== '{__typename}')) {
      const r = b5all.single[name];
      rows.push(
        row({
          id: 'B5',
          figure: `${name} p99, 1 client${r.errors > 0 ? ` (${r.errors} errors)` : ''}`,
          value: r.p99Ms,
          unit: 'ms',
          baseline: `{__typename} p99 ${fmt(floorSingle.p99Ms, 1)} ms`,
          baselineValue: floorSingle.p99Ms,
          goal: '–',
          met: null,
        }),
      );
    }
    rows.push(
      row({
        id: 'mem',
        figure: 'API peak RSS during B5',
        value: b5PeakRss,
        unit: 'MiB',
        baseline: `API idle ${fmt(apiIdleRss, 1)} MiB`,
        baselineValue: apiIdleRss,
        goal: '–',
        met: null,
      }),
      row({
        id: 'mem',
        figure: 'API peak RSS during B2',
        value: b2PeakRss,
        unit: 'MiB',
        baseline: `API idle ${fmt(apiIdleRss, 1)} MiB`,
        baselineValue: apiIdleRss,
        goal: '–',
        met: null,
      }),
      row({
        id: 'mem',
        figure: 'projector (rebuild) peak RSS during B4',
        value: b4.peakRssMiB,
        unit: 'MiB',
        baseline: '–',
        baselineValue: null,
        goal: '–',
        met: null,
      }),
      row({
        id: 'seed',
        figure: `seedDemoCohort ${fmt(seeded.enterprises)} enterprises${seeded.reused ? ' (earlier run)' : ''}`,
        value: seeded.eventsPerSecond,
        unit: 'ev/s',
        baseline: `${fmt(seeded.enterprisesPerSecond)} enterprises/s, ${fmt(seeded.seconds)} s`,
        baselineValue: null,
        goal: '–',
        met: null,
      }),
    );
    const scaleRows: { query: QueryName; p99Small: number; p99Large: number; ratio: number }[] = [];
    if (other) {
      const [small, large] =
        other.scale < args.scale ? [other.figures.b5, b5] : [b5, other.figures.b5 as Record<QueryName, LoadResult>];
      for (const name of QUERY_ORDER) {
        const s = small[name];
        const l = large[name];
        if (s && l) scaleRows.push({ query: name, p99Small: s.p99Ms, p99Large: l.p99Ms, ratio: l.p99Ms / s.p99Ms });
      }
    }

    const machine = machineOf(pg.version, canReset);
    process.stdout.write(`${header(args.scale, started, code, machine)}${table(rows)}\n`);
    if (scaleRows.length > 0) {
      process.stdout.write(
        `\nB5 p99 between scales (other scale's result of ${other!.date}):\n` +
          scaleRows
            .map(
              (s) =>
                `  ${s.query.padEnd(24)} ${fmt(s.p99Small, 1)} ms → ${fmt(s.p99Large, 1)} ms, ratio ${fmt(s.ratio, 2)}${s.query === 'cohortProgress' ? ` (goal ≤ 1.5: ${s.ratio <= 1.5 ? 'met' : 'NOT met'})` : ''}`,
            )
            .join('\n') +
          '\n',
      );
    }
    // A profiled run (pg_stat_statements loaded, --cpu-prof) is not a result: its file goes with the profiles.
    const file = join(
      profile ?? resultsDir,
      `${started.toISOString().slice(0, 16).replace(':', '')}Z-${args.scale}.json`,
    );
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          date: started.toISOString(),
          scale: args.scale,
          seed: BENCH_SEED,
          cohortToday: BENCH_TODAY,
          durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
          machine,
          code,
          figures: {
            seed: seeded,
            b1,
            b2: { grants: b2, rawInserts: b2raw, rawInsertsWithNotify: b2notify },
            b3: b3all,
            b4,
            b5,
            b5single: b5all.single,
            memory: {
              apiIdleMiB: apiIdleRss,
              apiPeakB5MiB: b5PeakRss,
              apiPeakB2MiB: b2PeakRss,
              rebuildPeakMiB: b4.peakRssMiB,
            },
          },
          table: rows,
          scaleRatios: other ? { otherDate: other.date, otherScale: other.scale, rows: scaleRows } : null,
        },
        null,
        2,
      )}\n`,
    );
    log(`wrote ${file}`);
    if (profile) {
      const summary = summarizeCpuProfiles(profile);
      writeFileSync(join(profile, 'cpu-summary.txt'), `${summary}\n`);
      log(`profiles in ${profile} (cpu-summary.txt, *-statements.txt)`);
    }
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
