// The suite at one scale: its own bench PostgreSQL (a kept cluster with --pg-dir), the seeded `bench`
// database, then B1–B5 (or one part: --only B3, B4, knownAt or seed); prints the table and writes
// bench/results/<date>-<scale>[-B3|-b4|-known-at].json. run.ts calls it once per scale.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BenchPostgres,
  B6_SLICES,
  databaseSizes,
  type DatabaseSizes,
  fmt,
  type LoadResult,
  peakRssMiB,
  resetPeakRss,
  resetStatementStats,
  rssMiB,
  schemaSizes,
  startBenchPostgres,
  topStatements,
} from './common';
import { LIVE_SCHEMA } from '@cl/cultivation';
import { summarizeCpuProfiles } from './cpu-profile';
import { startApi, type RunningApi, waitForProjection } from './api';
import { benchAppend } from './b1-append';
import { B2_ENTERPRISES, benchGrants, benchRawInserts, registerB2Enterprises, withB2Enterprises } from './b2-commands';
import { benchImport, benchNameOnlyImport, type ImportFigures } from './b3-import';
import { benchProjection, type ProjectionFigures } from './b4-projection';
import { benchQueries, KNOWN_AT_PAIR, QUERY_ORDER, type QueryName, type QueryFigures } from './b5-queries';
import { LATE_EVENTS, LATE_WINDOW_DAYS, recordLateEvents } from './b6-known-at';
import {
  type ExplainedQuestion,
  explainProgressQueries,
  explainTable,
  knownAtQuestion,
  progressQuestion,
} from './explain';
import {
  type CodeMeasured,
  GOALS,
  header,
  infoRow,
  machineOf,
  type Machine,
  resultName,
  row,
  type Row,
  SCALE_GOALS,
  table,
} from './report';
import { BENCH_SEED, BENCH_TODAY, prepareBenchDatabase, type SeedFigures } from './seed';

export type Only = 'B3' | 'B4' | 'KNOWNAT' | 'SEED';

export interface SuiteOptions {
  readonly scale: number;
  /** Keep the cluster (and the seeded templates) in this folder. */
  readonly pgDir?: string;
  /** CPU profiles and pg_stat_statements into this folder (the result file goes there too). */
  readonly profile?: string;
  /** B3: only the import figures (and B1, whose raw INSERT rate is their baseline); B4: only the rebuild. */
  readonly only?: Only;
  /** Print B5 against the latest result file of the other reference scale (a run of one scale). */
  readonly compareWithOtherScale: boolean;
  readonly resultsDir: string;
  readonly code: CodeMeasured;
  readonly log: (line: string) => void;
}

/** What is running, for a signal handler to stop. */
export interface Running {
  pg?: BenchPostgres;
  api?: RunningApi;
}

export interface ScaleResult {
  readonly scale: number;
  readonly started: string;
  readonly machine: Machine;
  readonly rows: Row[];
  /** The result file written; null for --only seed. */
  readonly file: string | null;
  readonly explain: ExplainedQuestion[] | null;
}

export interface SeedResult extends SeedFigures {
  readonly reused: boolean;
  /** Seconds to prepare `bench` in this run (seeding, or copying the template and migrating). */
  readonly prepareSeconds: number;
  /** `bench` right after it was prepared: the seeded cohort and an empty read side. */
  readonly sizes: DatabaseSizes;
}

export interface ReadModelSizes {
  readonly totalMiB: number;
  readonly tables: Record<string, number>;
}

/** Stops the API and PostgreSQL of a run, whatever state it is in. */
export async function stopRunning(running: Running, log: (line: string) => void): Promise<void> {
  await running.api?.stop().catch(() => undefined);
  running.api = undefined;
  await running.pg?.stop().catch((e: unknown) => log(`could not stop PostgreSQL: ${String(e)}`));
  running.pg = undefined;
}

export async function runSuite(o: SuiteOptions, running: Running): Promise<ScaleResult> {
  const { log, scale, profile } = o;
  const started = new Date();
  try {
    const pg = await startBenchPostgres(log, o.pgDir);
    running.pg = pg;
    const prepareStart = performance.now();
    const prepared = await prepareBenchDatabase(pg, scale, o.pgDir !== undefined, log);
    const seeded: SeedResult = {
      ...prepared,
      prepareSeconds: (performance.now() - prepareStart) / 1000,
      sizes: await databaseSizes(pg.url),
    };
    const statements = async (phase: string, work: () => Promise<void>) => {
      if (profile) await resetStatementStats(pg.url);
      await work();
      if (profile) writeFileSync(join(profile, `${phase}-statements.txt`), `${await topStatements(pg.url)}\n`);
    };
    if (profile) {
      mkdirSync(profile, { recursive: true });
      await pg.enableStatementStats();
    }
    log(
      `seed: ${fmt(seeded.enterprises)} enterprises, ${fmt(seeded.events)} events in ${fmt(seeded.seconds, 1)} s${seeded.reused ? ' (reused template)' : ''}; ` +
        `database ${fmt(seeded.sizes.databaseMiB)} MiB, events ${fmt(seeded.sizes.eventsMiB)} MiB`,
    );
    const write = (suffix: string, result: Record<string, unknown>) => {
      const file = join(profile ?? o.resultsDir, resultName(started, suffix));
      writeFileSync(file, `${JSON.stringify({ date: started.toISOString(), scale, ...result }, null, 2)}\n`);
      log(`wrote ${file}`);
      return file;
    };

    if (o.only === 'SEED') {
      if (!o.pgDir) log('--only seed without --pg-dir: the seeded cluster is removed again');
      const machine = machineOf(pg.version, false);
      const rows = seedRows(seeded);
      process.stdout.write(`${header(` (seed only), scale ${fmt(scale)}`, started, o.code, machine)}${table(rows)}\n`);
      return { scale, started: started.toISOString(), machine, rows, file: null, explain: null };
    }

    if (o.only === 'B4') {
      log('B4 projection only: full rebuild in a child process');
      const b4 = await benchProjection(pg.url, profile);
      const readModels = await schemaSizes(pg.url, LIVE_SCHEMA);
      log('EXPLAIN of the progress questions');
      const explain = await explainProgressQueries(pg, log);
      const rows = [
        ...seedRows(seeded),
        ...rebuildRows(b4, scale, readModels, seeded.sizes),
        ...catchUpRows(b4, scale),
      ];
      const machine = machineOf(pg.version, false);
      process.stdout.write(
        `${header(` (B4 only), scale ${fmt(scale)} enterprises`, started, o.code, machine)}${table(rows)}\n` +
          `rebuild peak RSS ${fmt(b4.peakRssMiB, 1)} MiB; phases (s from start): ${JSON.stringify(b4.phases)}\n\n` +
          `EXPLAIN (ANALYZE, BUFFERS) at ${fmt(scale)}:\n${explainTable(explain)}\n`,
      );
      const file = write(`${scale}-b4`, {
        only: 'b4',
        machine,
        code: o.code,
        figures: { seed: seeded, b4, readModels, explain },
        table: rows,
      });
      return { scale, started: started.toISOString(), machine, rows, file, explain };
    }

    if (o.only === 'KNOWNAT') {
      await withB2Enterprises(pg.url, log);
      log('starting the API (child process)');
      const api = await startApi(pg.url, log, profile);
      running.api = api;
      const { knownAt, late, explain } = await benchKnownAt(pg, api.url, scale, statements, log, ['{__typename}']);
      const floor = late.loaded['{__typename}'];
      const rows = [
        infoRow({
          id: 'B5',
          figure: '{__typename} p99 (the load floor, same run)',
          value: floor.p99Ms,
          unit: 'ms',
          baseline: `1 client ${fmt(late.single['{__typename}'].p99Ms, 1)} ms`,
        }),
        ...knownAtRows(late),
        ...seedRows(seeded),
      ];
      const machine = machineOf(pg.version, false);
      process.stdout.write(
        `${header(` (knownAt only), scale ${fmt(scale)} enterprises`, started, o.code, machine)}${table(rows)}\n\n` +
          `EXPLAIN (ANALYZE, BUFFERS) at ${fmt(scale)}:\n${explainTable(explain)}\n`,
      );
      const file = write(`${scale}-known-at`, {
        only: 'knownAt',
        machine,
        code: o.code,
        figures: { seed: seeded, b5KnownAt: { lateEvents: LATE_EVENTS, knownAt, ...late }, explain },
        table: rows,
      });
      return { scale, started: started.toISOString(), machine, rows, file, explain };
    }

    log('B1 append');
    const b1 = await benchAppend(pg, log);

    if (o.only === 'B3') {
      const imports = await runImports(pg, statements, log);
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
      process.stdout.write(`${header(`, scale ${fmt(scale)} enterprises`, started, o.code, machine)}${table(rows)}\n`);
      const file = write(`${scale}-B3`, {
        only: 'B3',
        machine,
        code: o.code,
        figures: { b1, b3: imports },
        table: rows,
      });
      return { scale, started: started.toISOString(), machine, rows, file, explain: null };
    }

    log(`B2 setup: registering ${fmt(B2_ENTERPRISES)} enterprises`);
    await registerB2Enterprises(pg.url);

    log('B4 projection: full rebuild in a child process');
    let b4!: ProjectionFigures;
    await statements('b4', async () => void (b4 = await benchProjection(pg.url, profile)));
    log(`  ${fmt(b4.events)} events in ${fmt(b4.seconds, 1)} s; raw read ${fmt(b4.rawEventsPerSecond)} ev/s`);
    const readModels = await schemaSizes(pg.url, LIVE_SCHEMA);
    log(`  read models ${fmt(readModels.totalMiB)} MiB`);
    log('EXPLAIN of the progress questions');
    const explain = await explainProgressQueries(pg, log);

    log('starting the API (child process)');
    const api = await startApi(pg.url, log, profile);
    running.api = api;
    const apiIdleRss = rssMiB(api.pid);
    const canReset = resetPeakRss(api.pid);

    log('B5 queries');
    let b5all!: Awaited<ReturnType<typeof benchQueries>>;
    await statements('b5', async () => void (b5all = await benchQueries(api.url, scale, log)));
    const b5 = b5all.loaded;
    const b5PeakRss = peakRssMiB(api.pid);

    const { knownAt, late: b5late, explain: explainLate } = await benchKnownAt(pg, api.url, scale, statements, log);
    explain.push(...explainLate);

    log('B2 commands');
    resetPeakRss(api.pid);
    let b2!: LoadResult;
    await statements('b2', async () => void (b2 = await benchGrants(api.url)));
    const b2PeakRss = peakRssMiB(api.pid);
    log(`  ${fmt(b2.requests)} grants, ${fmt(b2.perSecond)}/s, p50 ${fmt(b2.p50Ms, 1)} ms, p99 ${fmt(b2.p99Ms, 1)} ms`);
    if (b2.errors > 0) log(`  ${b2.errors} errors; first: ${b2.firstError}`);
    await waitForProjection(api.url, log);
    await api.stop();
    running.api = undefined;
    const b2raw = await benchRawInserts(pg.url);
    const b2notify = await benchRawInserts(pg.url, true);
    log(
      `  raw INSERT transactions: ${fmt(b2raw.perSecond)}/s, p50 ${fmt(b2raw.p50Ms, 1)} ms, p99 ${fmt(b2raw.p99Ms, 1)} ms`,
    );

    const b3all = await runImports(pg, statements, log);

    const rows: Row[] = [
      row({
        id: 'B1',
        figure: 'append (appendMany, 500 streams × 4 events)',
        value: b1.adapterEventsPerSecond,
        unit: 'ev/s',
        baseline: `raw multi-row INSERT ${fmt(b1.rawEventsPerSecond)} ev/s`,
        baselineValue: b1.rawEventsPerSecond,
        goal: GOALS.append.text,
        met: GOALS.append.met(b1.adapterEventsPerSecond / b1.rawEventsPerSecond),
      }),
      row({
        id: 'B2',
        figure: 'grantCertification, 32 clients',
        value: b2.perSecond,
        unit: 'cmd/s',
        baseline: `raw 1-row INSERT tx ${fmt(b2raw.perSecond)} tx/s`,
        baselineValue: b2raw.perSecond,
        goal: GOALS.grants.text,
        met: GOALS.grants.met(b2.perSecond) && b2.errors === 0,
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
        goal: GOALS.grantsP99.text,
        met: GOALS.grantsP99.met(b2.p99Ms),
      }),
      ...importRows(b1.rawEventsPerSecond, ...b3all),
      ...rebuildRows(b4, scale, readModels, seeded.sizes),
      ...catchUpRows(b4, scale),
      ...queryRows(b5all),
      ...knownAtRows(b5late),
      row({
        id: 'mem',
        figure: 'API peak RSS during B5',
        value: b5PeakRss,
        unit: 'MiB',
        baseline: `API idle ${fmt(apiIdleRss, 1)} MiB`,
        baselineValue: apiIdleRss,
        goal: GOALS.apiRss.text,
        met: GOALS.apiRss.met(b5PeakRss),
      }),
      row({
        id: 'mem',
        figure: 'API peak RSS during B2',
        value: b2PeakRss,
        unit: 'MiB',
        baseline: `API idle ${fmt(apiIdleRss, 1)} MiB`,
        baselineValue: apiIdleRss,
        goal: GOALS.apiRss.text,
        met: GOALS.apiRss.met(b2PeakRss),
      }),
      infoRow({
        id: 'mem',
        figure: 'projector (rebuild) peak RSS during B4',
        value: b4.peakRssMiB,
        unit: 'MiB',
        baseline: '–',
      }),
      ...seedRows(seeded),
    ];

    const other = o.compareWithOtherScale ? latestOtherScale(o.resultsDir, scale) : null;
    const scaleRows = other ? betweenScales(other, scale, b5) : [];
    const machine = machineOf(pg.version, canReset);
    process.stdout.write(
      `${header(`, scale ${fmt(scale)} enterprises`, started, o.code, machine)}${table(rows)}\n\n` +
        `EXPLAIN (ANALYZE, BUFFERS) at ${fmt(scale)}:\n${explainTable(explain)}\n`,
    );
    if (other && scaleRows.length > 0) {
      const goal = SCALE_GOALS['B5 cohortProgress p99']!;
      process.stdout.write(
        `\nB5 p99 between scales (other scale's result of ${other.date}; p99 ratio, and ratio of the ratios to the floor):\n` +
          scaleRows
            .map(
              (s) =>
                `  ${s.query.padEnd(24)} ${fmt(s.p99Small, 1)} ms → ${fmt(s.p99Large, 1)} ms, ratio ${fmt(s.ratio, 2)}, ` +
                `of ratios ${fmt(s.floorRatio, 2)}${s.query === 'cohortProgress' ? ` (goal ${goal.text}: ${goal.met(s.floorRatio) ? 'met' : 'NOT met'})` : ''}`,
            )
            .join('\n') +
          '\n',
      );
    }
    // A profiled run (pg_stat_statements loaded, --cpu-prof) is not a result: its file goes with the profiles.
    const file = write(`${scale}`, {
      seed: BENCH_SEED,
      cohortToday: BENCH_TODAY,
      durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
      machine,
      code: o.code,
      figures: {
        seed: seeded,
        b1,
        b2: { grants: b2, rawInserts: b2raw, rawInsertsWithNotify: b2notify },
        b3: b3all,
        b4,
        readModels,
        explain,
        b5,
        b5single: b5all.single,
        b5KnownAt: { lateEvents: LATE_EVENTS, knownAt, ...b5late },
        memory: {
          apiIdleMiB: apiIdleRss,
          apiPeakB5MiB: b5PeakRss,
          apiPeakB2MiB: b2PeakRss,
          rebuildPeakMiB: b4.peakRssMiB,
        },
      },
      table: rows,
      scaleRatios: other ? { otherDate: other.date, otherScale: other.scale, rows: scaleRows } : null,
    });
    if (profile) {
      const summary = summarizeCpuProfiles(profile);
      writeFileSync(join(profile, 'cpu-summary.txt'), `${summary}\n`);
      log(`profiles in ${profile} (cpu-summary.txt, *-statements.txt)`);
    }
    return { scale, started: started.toISOString(), machine, rows, file, explain };
  } finally {
    await stopRunning(running, log);
  }
}

/**
 * B5 knownAt: 1,000 late events recorded after a noted moment, then cohortProgress(knownAt) beside plain
 * cohortProgress over the same dates (after `extra` queries, e.g. the floor), and both city-wide questions explained
 * warm (the API is using the server, so no restart for a cold run).
 */
async function benchKnownAt(
  pg: BenchPostgres,
  apiUrl: string,
  scale: number,
  statements: (phase: string, work: () => Promise<void>) => Promise<void>,
  log: (line: string) => void,
  extra: QueryName[] = [],
): Promise<{ knownAt: string; late: QueryFigures; explain: ExplainedQuestion[] }> {
  log(`B5 knownAt: ${fmt(LATE_EVENTS)} late events recorded after a noted moment`);
  const knownAt = await recordLateEvents(pg.url);
  await waitForProjection(apiUrl, log);
  let late!: QueryFigures;
  await statements('b5-known-at', async () => {
    late = await benchQueries(apiUrl, scale, log, {
      only: [...extra, ...KNOWN_AT_PAIR],
      knownAt: { at: knownAt, windowDays: LATE_WINDOW_DAYS },
    });
  });
  const explain = await explainProgressQueries(pg, log, {
    questions: [progressQuestion, knownAtQuestion(knownAt)],
    restart: false,
  });
  return { knownAt, late, explain };
}

/** The seeding: its rate and time (of the run that made the template), and the seeded database's size. */
function seedRows(seeded: SeedResult): Row[] {
  const earlier = seeded.reused ? ' (earlier run)' : '';
  return [
    infoRow({
      key: 'seed seedDemoCohort',
      id: 'seed',
      figure: `seedDemoCohort ${fmt(seeded.enterprises)} enterprises${earlier}`,
      value: seeded.eventsPerSecond,
      unit: 'ev/s',
      baseline: `${fmt(seeded.enterprisesPerSecond)} enterprises/s`,
    }),
    infoRow({
      key: 'seed seeding time',
      id: 'seed',
      figure: `seeding time${earlier}`,
      value: seeded.seconds,
      unit: 's',
      baseline: `${fmt(seeded.events)} events`,
    }),
    infoRow({
      id: 'seed',
      figure: 'seeded database (pg_database_size)',
      value: seeded.sizes.databaseMiB,
      unit: 'MiB',
      baseline: `${fmt(seeded.events)} events`,
    }),
    infoRow({
      id: 'seed',
      figure: 'events table with indexes',
      value: seeded.sizes.eventsMiB,
      unit: 'MiB',
      baseline: `${fmt((seeded.sizes.eventsMiB * 2 ** 20) / seeded.events)} bytes per event`,
    }),
  ];
}

/** B4: the rebuild's events/s beside a raw ordered read of the same log in the same child; its time; the read models' size. */
function rebuildRows(b4: ProjectionFigures, scale: number, readModels: ReadModelSizes, seeded: DatabaseSizes): Row[] {
  return [
    row({
      key: 'B4 rebuild',
      id: 'B4',
      figure: `rebuild (${fmt(b4.events)} events, ${fmt(b4.seconds, 1)} s)`,
      value: b4.eventsPerSecond,
      unit: 'ev/s',
      baseline: `raw ordered read ${fmt(b4.rawEventsPerSecond)} ev/s`,
      baselineValue: b4.rawEventsPerSecond,
      goal: GOALS.rebuildRatio.text,
      met: GOALS.rebuildRatio.met(b4.eventsPerSecond / b4.rawEventsPerSecond),
    }),
    row({
      id: 'B4',
      figure: 'rebuild time',
      value: b4.seconds,
      unit: 's',
      baseline: `${fmt(b4.events)} events`,
      baselineValue: null,
      goal: GOALS.rebuildTime.text,
      met: GOALS.rebuildTime.met(b4.seconds, scale),
    }),
    row({
      id: 'B4',
      figure: `read models after the rebuild (schema ${LIVE_SCHEMA})`,
      value: readModels.totalMiB,
      unit: 'MiB',
      baseline: `events table ${fmt(seeded.eventsMiB)} MiB`,
      baselineValue: seeded.eventsMiB,
      goal: '–',
      met: null,
    }),
  ];
}

/** B6: the live projector's catch-up of the log ÷ the rebuild of the same log (B4, same child, same run). */
function catchUpRows(b4: ProjectionFigures, scale: number): Row[] {
  const c = b4.catchUp;
  if (!c) return [];
  const baseline = `rebuild ${fmt(b4.eventsPerSecond)} ev/s (same run)`;
  return [
    row({
      key: 'B6 catch-up',
      id: 'B6',
      figure: `live catch-up of the whole log from an empty read side (${c.path.replace(/^catching up /, '')})`,
      value: c.eventsPerSecond,
      unit: 'ev/s',
      baseline,
      baselineValue: b4.eventsPerSecond,
      goal: GOALS.catchUpRatio.text,
      met: GOALS.catchUpRatio.met(c.eventsPerSecond / b4.eventsPerSecond),
    }),
    row({
      id: 'B6',
      figure: 'catch-up time, projector start to checkpoint at the head',
      value: c.seconds,
      unit: 's',
      baseline: `rebuild ${fmt(b4.seconds)} s`,
      baselineValue: null,
      goal: GOALS.catchUpTime.text,
      met: GOALS.catchUpTime.met(c.seconds, scale),
    }),
    row({
      key: `B6 merge path alone over the first ${fmt(B6_SLICES.merge)} events or the whole log`,
      id: 'B6',
      figure: `merge path alone over the first ${fmt(c.mergeEvents)} events (ranges of 20,000 into the live read models)`,
      value: c.mergeEventsPerSecond,
      unit: 'ev/s',
      baseline,
      baselineValue: b4.eventsPerSecond,
      goal: '–',
      met: null,
    }),
    row({
      key: `B6 live path over the first ${fmt(B6_SLICES.live)} events or the whole log`,
      id: 'B6',
      figure: `live path (batches of 500) over the first ${fmt(c.liveEvents)} events`,
      value: c.liveEventsPerSecond,
      unit: 'ev/s',
      baseline,
      baselineValue: b4.eventsPerSecond,
      goal: '–',
      met: null,
    }),
  ];
}

/** B5: each query's p50/p99 at 32 clients and p99 at one, beside `{__typename}`'s of the same load. */
function queryRows(b5all: Awaited<ReturnType<typeof benchQueries>>): Row[] {
  const rows: Row[] = [];
  const goalOf = (name: QueryName, q: 'p50' | 'p99' | 'single') =>
    q === 'single'
      ? name === 'cohortProgress'
        ? GOALS.progressP99Single
        : null
      : q === 'p99' && name === 'cohortProgress'
        ? GOALS.progressP99
        : q === 'p99' && name === 'cohortTrend'
          ? GOALS.trendP99
          : null;
  const errors = (r: LoadResult) => (r.errors > 0 ? ` (${r.errors} errors)` : '');
  const floor = b5all.loaded['{__typename}'];
  for (const name of QUERY_ORDER.filter((n) => n !== '{__typename}')) {
    const r = b5all.loaded[name];
    for (const q of ['p50', 'p99'] as const) {
      const value = q === 'p50' ? r.p50Ms : r.p99Ms;
      const base = q === 'p50' ? floor.p50Ms : floor.p99Ms;
      const goal = goalOf(name, q);
      rows.push(
        row({
          key: `B5 ${name} ${q}`,
          id: 'B5',
          figure: `${name} ${q}${errors(r)}`,
          value,
          unit: 'ms',
          baseline: `{__typename} ${q} ${fmt(base, 1)} ms`,
          baselineValue: base,
          goal: goal?.text ?? '–',
          met: goal ? goal.met(value / base) && r.errors === 0 : null,
        }),
      );
    }
  }
  const floorSingle = b5all.single['{__typename}'];
  for (const name of QUERY_ORDER.filter((n) => n !== '{__typename}')) {
    const r = b5all.single[name];
    const goal = goalOf(name, 'single');
    rows.push(
      row({
        key: `B5 ${name} p99, 1 client`,
        id: 'B5',
        figure: `${name} p99, 1 client${errors(r)}`,
        value: r.p99Ms,
        unit: 'ms',
        baseline: `{__typename} p99 ${fmt(floorSingle.p99Ms, 1)} ms`,
        baselineValue: floorSingle.p99Ms,
        goal: goal?.text ?? '–',
        met: goal ? goal.met(r.p99Ms / floorSingle.p99Ms) && r.errors === 0 : null,
      }),
    );
  }
  return rows;
}

/**
 * cohortProgress as known before the late events beside plain cohortProgress over the same dates (asked right
 * before it, on the same server): p99 at 32 clients and with 1 client.
 */
function knownAtRows(late: QueryFigures): Row[] {
  const [plain, knownAt] = KNOWN_AT_PAIR as [QueryName, QueryName];
  const errors = (n: number) => (n > 0 ? ` (${n} errors)` : '');
  return (['loaded', 'single'] as const).map((load) => {
    const r = late[load][knownAt];
    const base = late[load][plain];
    return row({
      key: `B5 ${knownAt} p99${load === 'single' ? ', 1 client' : ''}`,
      id: 'B5',
      figure: `${knownAt} p99${load === 'single' ? ', 1 client' : ''}${errors(r.errors)}`,
      value: r.p99Ms,
      unit: 'ms',
      baseline: `${plain} p99 ${fmt(base.p99Ms, 1)} ms`,
      baselineValue: base.p99Ms,
      goal: GOALS.knownAtP99.text,
      met: GOALS.knownAtP99.met(r.p99Ms / base.p99Ms) && r.errors === 0 && base.errors === 0,
    });
  });
}

/** The B3 rows of the table: each import's rows/s beside B1's raw INSERT rate converted to its rows. */
function importRows(rawEventsPerSecond: number, ...imports: ImportFigures[]): Row[] {
  return imports.map((b3) => {
    const baselineValue = (rawEventsPerSecond * b3.rows) / b3.eventsWritten;
    return row({
      id: 'B3',
      figure: `import ${fmt(b3.rows)}-row ${b3.label}`,
      value: b3.rowsPerSecond,
      unit: 'rows/s',
      baseline: `B1 raw INSERT at ${fmt(b3.eventsWritten / b3.rows, 2)} ev/row: ${fmt(baselineValue)} rows/s`,
      baselineValue,
      goal: GOALS.importRatio.text,
      met: GOALS.importRatio.met(b3.rowsPerSecond / baselineValue) && b3.rejected === 0,
    });
  });
}

/** B3: the import of a list with credit codes (it registers 60,000 enterprises), then a name-only list of them. */
async function runImports(
  pg: BenchPostgres,
  statements: (phase: string, work: () => Promise<void>) => Promise<void>,
  log: (line: string) => void,
): Promise<[ImportFigures, ...ImportFigures[]]> {
  const logImport = (b3: ImportFigures) =>
    log(
      `  ${fmt(b3.rows)} rows in ${fmt(b3.seconds, 1)} s (${b3.rejected} refused${b3.firstRejection ? `: ${b3.firstRejection}` : ''})`,
    );
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

interface ResultFile {
  date: string;
  scale: number;
  figures: { b5: Record<string, LoadResult> };
}

const SMALL = 30_000;

/** The latest result at the other of the two reference scales (30,000 ↔ 1,000,000), for the B5 scale ratios. */
function latestOtherScale(dir: string, scale: number): ResultFile | null {
  const wanted = scale === SMALL ? 1_000_000 : scale === 1_000_000 ? SMALL : null;
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

/** B5 p99 at the smaller and the larger scale, their ratio, and the ratio of their ratios to the floor. */
function betweenScales(other: ResultFile, scale: number, b5: Record<QueryName, LoadResult>) {
  const mine = b5 as Record<string, LoadResult>;
  const [small, large] = other.scale < scale ? [other.figures.b5, mine] : [mine, other.figures.b5];
  const out: { query: QueryName; p99Small: number; p99Large: number; ratio: number; floorRatio: number }[] = [];
  const floorSmall = small['{__typename}'];
  const floorLarge = large['{__typename}'];
  for (const name of QUERY_ORDER) {
    const s = small[name];
    const l = large[name];
    if (s && l && floorSmall && floorLarge)
      out.push({
        query: name,
        p99Small: s.p99Ms,
        p99Large: l.p99Ms,
        ratio: l.p99Ms / s.p99Ms,
        floorRatio: l.p99Ms / floorLarge.p99Ms / (s.p99Ms / floorSmall.p99Ms),
      });
  }
  return out;
}
