// B4's child process (its RSS is its own): a full rebuild with rebuildReadModels, then the limit, a raw
// sequential read of the whole log in position order (keyset pages of the same columns); then B6 on the same log,
// each part from an emptied read side: the live path batch by batch over a slice (the speed before catch-up
// existed), the merge path alone over a larger slice (the rate MERGE_SPEED stands for; over the whole log it would
// take hours at 1,000,000), and last the live projector's catch-up of the whole log (its own choice of path), which
// leaves the read models whole at the head for what the bench measures next. Prints one JSON line.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@cl/event-store';
import {
  LIVE_SCHEMA,
  mergeBacklog,
  ProjectorService,
  qualified,
  READ_MODEL_TABLES,
  rebuildReadModels,
} from '@cl/cultivation';
import { B6_SLICES, peakRssMiB } from './common';

const PAGE = 5_000;

/** Empties the live read models, checkpoint included (as a restore of the event store alone leaves them). */
async function emptyReadSide(dataSource: DataSource): Promise<void> {
  await dataSource.query(`TRUNCATE ${READ_MODEL_TABLES.map((t) => qualified(LIVE_SCHEMA, t)).join(', ')}`);
}

async function checkpoint(dataSource: DataSource): Promise<string | null> {
  const [row] = await dataSource.query(
    `SELECT position::text AS p FROM ${qualified(LIVE_SCHEMA, 'projection_checkpoint')}`,
  );
  return (row?.p as string | undefined) ?? null;
}

/** Seconds a ProjectorService (defaults, but `options`) takes from start until the checkpoint reaches `upTo`. */
async function projectorSeconds(
  dataSource: DataSource,
  store: PostgresEventStore,
  upTo: string,
  options: ConstructorParameters<typeof ProjectorService>[3] = {},
): Promise<{ seconds: number; notices: string[] }> {
  const notices: string[] = [];
  const started = performance.now();
  const projector = new ProjectorService(
    dataSource,
    store,
    { error: () => undefined },
    {
      retryMs: 200,
      pollIntervalMs: 50,
      onNotice: (m) => notices.push(m),
      ...options,
    },
  );
  projector.start();
  try {
    for (;;) {
      const at = await checkpoint(dataSource);
      if (at !== null && BigInt(at) >= BigInt(upTo)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await projector.stop();
  }
  return { seconds: (performance.now() - started) / 1000, notices };
}

/** The position of the `n`th event of the log, or of its last if it holds fewer, and how many events that is. */
async function sliceEnd(dataSource: DataSource, n: number): Promise<{ position: string; events: number }> {
  const [row] = await dataSource.query(
    `SELECT max(global_position)::text AS position, count(*)::int AS events
     FROM (SELECT global_position FROM events ORDER BY global_position LIMIT $1) slice`,
    [n],
  );
  return { position: row.position as string, events: row.events as number };
}

/** B6 on the log B4 rebuilt: see the file's comment. */
async function catchUpFigures(dataSource: DataSource, store: PostgresEventStore, head: string) {
  await emptyReadSide(dataSource);
  const liveSlice = await sliceEnd(dataSource, B6_SLICES.live);
  const live = await projectorSeconds(dataSource, store, liveSlice.position, { catchUpThreshold: Infinity });
  await emptyReadSide(dataSource);
  const mergeSlice = await sliceEnd(dataSource, B6_SLICES.merge);
  const mergeStarted = performance.now();
  await mergeBacklog(dataSource, store, mergeSlice.position);
  const mergeSeconds = (performance.now() - mergeStarted) / 1000;
  await emptyReadSide(dataSource);
  const catchUp = await projectorSeconds(dataSource, store, head); // ends with the read models whole at the head
  return {
    catchUpSeconds: catchUp.seconds,
    catchUpPath: catchUp.notices.find((n) => n.startsWith('catching up')) ?? '(live path)',
    mergeEvents: mergeSlice.events,
    mergeSeconds,
    liveEvents: liveSlice.events,
    liveSeconds: live.seconds,
  };
}

async function rawRead(url: string): Promise<{ events: number; seconds: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  let events = 0;
  let after = '-1';
  try {
    for (;;) {
      const { rows } = await client.query<{ position: string }>(
        `SELECT global_position::text AS position, stream_id, stream_version, event_id::text AS event_id, type, data,
                metadata, recorded_at
         FROM events WHERE global_position > $1 ORDER BY global_position LIMIT ${PAGE}`,
        [after],
      );
      if (rows.length === 0) break;
      events += rows.length;
      after = rows.at(-1)!.position;
    }
  } finally {
    await client.end();
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 10 }, logging: ['error'] });
  await dataSource.initialize();
  const store = new PostgresEventStore({ url, poolSize: 10 });
  const baseRss = peakRssMiB('self');
  const started = performance.now();
  // BENCH_REBUILD_BATCH: try another page size than the library's default (profiling only).
  const batchSize = process.env.BENCH_REBUILD_BATCH ? Number(process.env.BENCH_REBUILD_BATCH) : undefined;
  // BENCH_REBUILD_WORKERS: fold in that many worker threads instead of one per core (1: in the child's own thread).
  const workers = process.env.BENCH_REBUILD_WORKERS ? Number(process.env.BENCH_REBUILD_WORKERS) : undefined;
  // Seconds from the start to the first report of each phase (fold, COPY, indexes, catch-up, swap).
  const phases: Record<string, number> = {};
  const result = await rebuildReadModels(dataSource, store, {
    ...(batchSize ? { batchSize } : {}),
    ...(workers ? { workers } : {}),
    onProgress: (p) => void (phases[p.phase] ??= Math.round(performance.now() - started) / 1000),
  });
  const seconds = (performance.now() - started) / 1000;
  const rebuildPeakRss = peakRssMiB('self');
  await store.close();
  await dataSource.destroy();
  const raw = await rawRead(url);
  // BENCH_B6=0: the rebuild only.
  let b6: Awaited<ReturnType<typeof catchUpFigures>> | null = null;
  if (process.env.BENCH_B6 !== '0' && result.position !== null) {
    const source = new DataSource({ type: 'postgres', url, extra: { max: 10 }, logging: ['error'] });
    await source.initialize();
    const events = new PostgresEventStore({ url, poolSize: 10 });
    try {
      b6 = await catchUpFigures(source, events, result.position);
    } finally {
      await events.close();
      await source.destroy();
    }
  }
  process.stdout.write(
    `${JSON.stringify({ events: result.events, seconds, phases, rebuildPeakRss, baseRss, rawEvents: raw.events, rawSeconds: raw.seconds, b6 })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
