// `npm run bench [-- --scale N | --scales N,M,…] [--pg-dir DIR] [--profile DIR] [--only B3|B4|knownAt|seed]`:
// the suite (bench/suite.ts) at each scale in turn, each on its own bench PostgreSQL (with --pg-dir one
// kept cluster holding a seeded template per scale), seeded once with the demo cohort, then B1–B5 (or,
// with --only B3, B1's raw baseline and the imports; with --only B4, the rebuild and the EXPLAIN figures;
// with --only knownAt, cohortProgress(knownAt) beside plain cohortProgress after 1,000 late events, and their
// EXPLAIN; with --only seed, the seeded template and nothing else). Each scale prints its table and writes
// bench/results/<date>-<scale>[-B3|-b4|-known-at].json; a run of several scales then prints every figure at every
// scale with largest ÷ smallest, and writes bench/results/<date>-scales-<N>-<M>[-…].json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fmt } from './common';
import { explainTable } from './explain';
import { combine, combinedTable, header, resultName } from './report';
import { type Only, type Running, runSuite, type ScaleResult, stopRunning } from './suite';

interface Args {
  scales: number[];
  pgDir?: string;
  profile?: string;
  only?: Only;
}

const USAGE = 'use --scale N, --scales N,M, --pg-dir DIR, --profile DIR, --only B3|B4|knownAt|seed';

function parseArgs(argv: string[]): Args {
  const args: Args = { scales: [30_000] };
  const scaleOf = (text: string) => {
    const n = Number(text.trim().replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 100) throw new Error(`a scale must be a whole number ≥ 100, not "${text}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--scale') args.scales = [scaleOf(value().replace(/,/g, ''))];
    else if (flag === '--scales') args.scales = value().split(',').map(scaleOf);
    else if (flag === '--pg-dir') args.pgDir = resolve(value());
    else if (flag === '--profile') args.profile = resolve(value());
    else if (flag === '--only') {
      const only = value().toUpperCase();
      if (only !== 'B3' && only !== 'B4' && only !== 'SEED' && only !== 'KNOWNAT')
        throw new Error(
          '--only takes B3 (the import figures), B4 (the rebuild), knownAt (the as-known-at pair) or seed (prepare the template)',
        );
      args.only = only;
    } else {
      throw new Error(`unknown argument ${argv[i]} (${USAGE})`);
    }
  }
  if (args.scales.length === 0 || new Set(args.scales).size !== args.scales.length)
    throw new Error('--scales takes distinct scales, e.g. --scales 30000,1000000');
  if (args.profile && args.scales.length > 1) throw new Error('--profile takes one scale (its files would mix)');
  return args;
}

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

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
  const running: Running = {};
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the API and PostgreSQL`);
    void stopRunning(running, log).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results: ScaleResult[] = [];
  for (const scale of args.scales) {
    if (args.scales.length > 1) log(`=== scale ${fmt(scale)} (${results.length + 1} of ${args.scales.length})`);
    results.push(
      await runSuite(
        {
          scale,
          ...(args.pgDir ? { pgDir: args.pgDir } : {}),
          ...(args.profile ? { profile: args.profile } : {}),
          ...(args.only ? { only: args.only } : {}),
          compareWithOtherScale: args.scales.length === 1,
          resultsDir,
          code,
          log,
        },
        running,
      ),
    );
  }
  if (results.length < 2) return;

  const combined = combine(results);
  const machine = results[0]!.machine;
  const title = `${args.only ? ` (${args.only === 'SEED' ? 'seed' : args.only} only)` : ''}, scales ${args.scales.map((s) => fmt(s)).join(' and ')}`;
  process.stdout.write(
    `${header(title, started, code, machine)}${combinedTable(results, combined)}\n` +
      results
        .filter((r) => r.explain)
        .map((r) => `\nEXPLAIN (ANALYZE, BUFFERS) at ${fmt(r.scale)}:\n${explainTable(r.explain!)}\n`)
        .join(''),
  );
  if (args.only === 'SEED') return;
  const suffix = `scales-${args.scales.join('-')}${args.only ? `-${args.only === 'B4' ? 'b4' : args.only === 'KNOWNAT' ? 'known-at' : args.only}` : ''}`;
  const file = join(resultsDir, resultName(started, suffix));
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: started.toISOString(),
        scales: args.scales,
        ...(args.only ? { only: args.only } : {}),
        durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
        machine,
        code,
        files: results.map((r) => ({ scale: r.scale, started: r.started, file: r.file && basename(r.file) })),
        table: combined,
        explain: Object.fromEntries(results.filter((r) => r.explain).map((r) => [r.scale, r.explain])),
      },
      null,
      2,
    )}\n`,
  );
  log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
