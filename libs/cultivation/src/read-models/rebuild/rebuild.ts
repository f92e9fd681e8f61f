// Rebuild: fold the whole log once into fresh bare tables of schema rm_rebuild (COPY, then keys and
// indexes) while the live schema keeps answering; apply what arrived meanwhile page by page; then,
// holding the SWAP and APPLY locks (so no verify is comparing and the live projector is between
// batches), catch up the last events and swap the schemas by renaming them in one transaction. The
// live projector reads the checkpoint inside each batch, so after the swap it skips whatever the
// rebuild already applied. The new schema carries this code's projection and snapshot versions.
import type { EventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { announceSwap } from '../projection/checkpoint';
import { inTransaction } from '../projection/in-transaction';
import { LIVE_SCHEMA, LOCKS, REBUILD_SCHEMA } from '../schema';
import { BulkLoader, foldLog, holdConnections, openBulkPool } from './bulk-load';
import {
  foldInWorkers,
  planParallelFold,
  readModelSettings,
  startFoldThreads,
  stopFoldThreads,
  workersFor,
  type FoldTask,
} from './parallel-fold';
import { replayInto, type ReplayOptions } from './replay';
import { addShadowIndexes, createShadowTables, dropSchema } from './shadow-schema';

const RETIRED_SCHEMA = 'rm_retired';

/** Thrown when another rebuild holds the rebuild lock. */
export class RebuildAlreadyRunning extends Error {
  constructor() {
    super('a rebuild is already running');
  }
}

/**
 * Folds the log into schema `schema` (bare tables first, then keys and indexes) up to `upTo`: in worker threads
 * where the store can be read by ranges of streams from another thread (parallel-fold.ts), else in this one.
 */
export async function buildFromLog(
  dataSource: DataSource,
  store: EventStore,
  schema: string,
  upTo: string | null,
  options: ReplayOptions & { counter: { done: number } },
): Promise<void> {
  // The threads load their code while the tables are created and the log is cut into ranges.
  const workers = workersFor(dataSource, store, upTo, options.workers);
  const threads = workers > 1 ? startFoldThreads(workers) : [];
  let tasks: FoldTask[] | null;
  try {
    await createShadowTables(dataSource, schema);
    tasks = await planParallelFold(dataSource, store, schema, upTo, { workers, pageSize: options.batchSize });
  } catch (error) {
    await stopFoldThreads(threads);
    throw error;
  }
  if (!tasks) await stopFoldThreads(threads);
  // The load's connections come from a pool of its own: the caller's may be small, or held (see openBulkPool).
  const pool = openBulkPool(readModelSettings(dataSource));
  try {
    let loader: BulkLoader;
    let position: string | null;
    if (tasks) {
      const { sums, folded } = await foldInWorkers(threads, tasks, options.counter, options.onProgress);
      position = folded ? upTo : null;
      loader = await BulkLoader.open(pool, schema);
      loader.absorb(sums);
    } else {
      loader = await BulkLoader.open(pool, schema);
      try {
        position = await foldLog(store, upTo, loader, {
          pageSize: options.batchSize,
          counter: options.counter,
          onProgress: options.onProgress,
        });
      } catch (error) {
        await loader.abort();
        throw error;
      }
    }
    const progress = (phase: 'loading' | 'indexing') =>
      options.onProgress?.({ phase, done: options.counter.done, position, head: upTo });
    await progress('loading');
    await loader.finish(dataSource, position);
    await progress('indexing');
    const { clients, release } = await holdConnections(pool, 2);
    try {
      await addShadowIndexes(
        clients.map((c) => ({
          query: (text: string, values?: unknown[]) => c.query(text, values).then((r) => r.rows),
        })),
        schema,
      );
    } finally {
      await release();
    }
  } finally {
    await pool.end();
  }
}

/** Replays the whole log into fresh tables and swaps them in atomically; returns events applied and the final position. */
export async function rebuildReadModels(
  dataSource: DataSource,
  store: EventStore,
  options: ReplayOptions = {},
): Promise<{ events: number; position: string | null }> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    const [row] = await lock.query('SELECT pg_try_advisory_lock($1, $2) AS won', [LOCKS.namespace, LOCKS.rebuild]);
    if (row?.won !== true) throw new RebuildAlreadyRunning();
    await dropSchema(dataSource, RETIRED_SCHEMA);
    const counter = { done: 0 };
    const head = await store.head();
    await buildFromLog(dataSource, store, REBUILD_SCHEMA, head, { ...options, counter });
    // What arrived during the fold, outside the locks (so the locked part below stays short).
    await replayInto(dataSource, store, REBUILD_SCHEMA, { ...options, counter, head, phase: 'catching-up' });
    const position = await inTransaction(
      dataSource,
      async (tx) => {
        const reached = await replayInto(dataSource, store, REBUILD_SCHEMA, {
          ...options,
          within: tx,
          counter,
          head,
          phase: 'catching-up',
        });
        await options.onProgress?.({ phase: 'swapping', done: counter.done, position: reached, head });
        await announceSwap(tx, REBUILD_SCHEMA); // delivered at commit: queries' live checkpoint views move on
        await tx.query(`ALTER SCHEMA ${LIVE_SCHEMA} RENAME TO ${RETIRED_SCHEMA}`);
        await tx.query(`ALTER SCHEMA ${REBUILD_SCHEMA} RENAME TO ${LIVE_SCHEMA}`);
        return reached;
      },
      { lockSwap: true, lockApply: true },
    );
    // Separately: the drop waits for queries still reading the old tables, and nothing waits for it.
    await dropSchema(dataSource, RETIRED_SCHEMA);
    await options.onProgress?.({ phase: 'done', done: counter.done, position, head });
    return { events: counter.done, position };
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1, $2)', [LOCKS.namespace, LOCKS.rebuild]).catch(() => undefined);
    await lock.release();
  }
}
