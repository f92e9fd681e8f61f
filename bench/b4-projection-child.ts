// B4's child process (its RSS is its own): a full rebuild with rebuildReadModels, then the limit, a raw
// sequential read of the whole log in position order (keyset pages of the same columns). Prints one JSON line.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@cl/event-store';
import { rebuildReadModels } from '@cl/cultivation';
import { peakRssMiB } from './common';

const PAGE = 5_000;

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
  process.stdout.write(
    `${JSON.stringify({ events: result.events, seconds, phases, rebuildPeakRss, baseRss, rawEvents: raw.events, rawSeconds: raw.seconds })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
