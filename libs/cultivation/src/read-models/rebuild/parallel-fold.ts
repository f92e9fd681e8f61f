// The fold of a rebuild or verify on several cores: the streams cut into ranges of about as many events
// (EventStore.splitStreams), each folded by a worker thread (fold-worker.ts) that reads its range on its own
// connections and COPYs its enterprises' rows into the scratch schema itself; only the sums across ranges
// (aggregate deltas, targets) come back, merged by the caller's loader, which writes them once. The first
// failure of any worker terminates the others and rejects: the scratch schema is left half-filled, the live
// one untouched (the caller swaps nothing).
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { poolConnection, type EventStore, type StoreConnection } from '@cl/event-store';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { BatchDelta, mergeDeltas } from '../projection/batch-delta';
import type { FoldSums } from './bulk-load';
import type { ReplayProgress } from './replay';

/** What one worker folds. */
export interface FoldTask {
  store: StoreConnection;
  /** Connection settings of the read-model database (node-postgres). */
  tables: StoreConnection['settings'];
  schema: string;
  upTo: string;
  pageSize?: number;
  range: { fromStream?: string; toStream?: string };
}

/** A worker's messages: events read so far, its sums at the end, or its failure. */
export type WorkerMessage =
  | { kind: 'progress'; events: number }
  | { kind: 'done'; folded: boolean; sums: FoldSums }
  | { kind: 'failed'; error: unknown };

/** This module's file: parallel-fold.js compiled (dist), parallel-fold.ts from source (jest). */
const HERE = fileURLToPath(import.meta.url);
const FROM_SOURCE = HERE.endsWith('.ts');

/**
 * Workers by default: one per core this process may use; from source one, in this thread (each worker would
 * compile the whole module graph again, and tests that patch a module in process, as a deploy of fixed code,
 * would not reach it). An explicit `workers` is honoured either way.
 */
export function defaultWorkers(): number {
  return FROM_SOURCE ? 1 : availableParallelism();
}

/** The connection settings of the read-model database behind `dataSource` (for pools of a bulk load's own). */
export function readModelSettings(dataSource: DataSource): StoreConnection['settings'] {
  const master = (dataSource.driver as { master?: Pool }).master;
  if (!master) throw new Error('the read-model DataSource has no connection pool (not initialised?)');
  return poolConnection(master).settings;
}

/** The workers a fold of the log up to `upTo` can use: 1 (this thread) unless more are asked for and the store can serve them. */
export function workersFor(dataSource: DataSource, store: EventStore, upTo: string | null, workers?: number): number {
  const wanted = workers ?? defaultWorkers();
  const master = (dataSource.driver as { master?: Pool }).master;
  const reachable = store.readByStream && store.splitStreams && store.connection?.() && master;
  return upTo !== null && reachable ? Math.max(1, wanted) : 1;
}

/** The tasks of a parallel fold, or null where it cannot run (one worker asked, a store without ranges, one range). */
export async function planParallelFold(
  dataSource: DataSource,
  store: EventStore,
  schema: string,
  upTo: string | null,
  options: { workers?: number; pageSize?: number },
): Promise<FoldTask[] | null> {
  const workers = workersFor(dataSource, store, upTo, options.workers);
  if (workers < 2 || upTo === null) return null;
  const connection = store.connection!()!;
  const cuts = await store.splitStreams!(workers, upTo);
  if (cuts.length === 0) return null;
  const bounds = [undefined, ...cuts, undefined];
  const tables = readModelSettings(dataSource);
  return Array.from({ length: cuts.length + 1 }, (_, i) => ({
    store: connection,
    tables,
    schema,
    upTo,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    range: { ...(bounds[i] ? { fromStream: bounds[i] } : {}), ...(bounds[i + 1] ? { toStream: bounds[i + 1] } : {}) },
  }));
}

/** A worker thread started ahead of its task (it loads its code meanwhile), and how it ended if it already did. */
export interface FoldThread {
  worker: Worker;
  ended?: unknown;
}

/**
 * Starts `n` threads of fold-worker, each waiting for its task (foldInWorkers): the compiled module where this code
 * runs compiled (dist), the TypeScript source compiled on load with swc where it runs from source (jest), with the
 * same settings as the build.
 */
export function startFoldThreads(n: number): FoldThread[] {
  return Array.from({ length: n }, () => {
    const thread: FoldThread = { worker: startWorker() };
    thread.worker.on('error', (error) => (thread.ended ??= error));
    thread.worker.on('exit', (code) => (thread.ended ??= new Error(`the thread exited with code ${code}`)));
    return thread;
  });
}

/** Stops threads that will get no task (or whose fold failed). */
export async function stopFoldThreads(threads: FoldThread[]): Promise<void> {
  await Promise.all(threads.map((t) => t.worker.terminate()));
}

function startWorker(): Worker {
  const entry = HERE.replace(/parallel-fold\.(ts|js)$/, `fold-worker.$1`);
  if (!FROM_SOURCE) return new Worker(entry);
  return new Worker(
    `const { createRequire } = require('node:module');
     const { readFileSync, existsSync } = require('node:fs');
     const { dirname, join } = require('node:path');
     const entry = ${JSON.stringify(entry)};
     let root = dirname(entry);
     while (!existsSync(join(root, '.swcrc'))) root = dirname(root);
     const { jsc, module } = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
     const { transformSync } = createRequire(entry)('@swc/core');
     const options = { jsc: { ...jsc, baseUrl: root }, module, sourceMaps: 'inline', swcrc: false };
     require.extensions['.ts'] = (m, filename) =>
       m._compile(transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
     require(entry);`,
    { eval: true },
  );
}

/**
 * Folds every task's range in a thread of `threads` (as many or more; the others are stopped); returns the workers' sums merged (each merged as its
 * worker ends, so no more than one clone waits) and whether anything was folded. Reports the events read by all workers together through `onProgress` (one call at a time; the
 * latest count wins while one is running).
 */
export async function foldInWorkers(
  threads: FoldThread[],
  tasks: FoldTask[],
  counter: { done: number },
  onProgress?: (progress: ReplayProgress) => void | Promise<void>,
): Promise<{ sums: FoldSums; folded: boolean }> {
  const head = tasks[0]!.upTo;
  const base = counter.done;
  const read = tasks.map(() => 0);
  let reporting: Promise<void> | undefined;
  let again = false;
  // A failing progress callback fails the fold, as it does in one thread.
  let failProgress: (error: unknown) => void = () => undefined;
  const progressFailed = new Promise<never>((_, reject) => (failProgress = reject));
  progressFailed.catch(() => undefined);
  const report = () => {
    counter.done = base + read.reduce((a, b) => a + b, 0);
    if (!onProgress) return;
    if (reporting) {
      again = true;
      return;
    }
    reporting = (async () => {
      do {
        again = false;
        await onProgress({ phase: 'replaying', done: counter.done, position: head, head });
      } while (again);
    })()
      .catch(failProgress)
      .finally(() => (reporting = undefined));
  };
  const sums: FoldSums = { delta: new BatchDelta(), targets: [] };
  let folded = false;
  await stopFoldThreads(threads.slice(tasks.length));
  const workers = threads.slice(0, tasks.length).map((t) => t.worker);
  const results = threads.slice(0, tasks.length).map(
    ({ worker, ended }, i) =>
      new Promise<void>((resolve, reject) => {
        let done = false;
        const fail = (error: unknown) => {
          const range = `${tasks[i]!.range.fromStream ?? '(first)'} to ${tasks[i]!.range.toStream ?? '(last)'}`;
          const message = error instanceof Error ? error.message : String(error);
          reject(new Error(`rebuild worker for streams ${range} failed: ${message}`, { cause: error }));
        };
        worker.on('message', (message: WorkerMessage) => {
          if (message.kind === 'progress') {
            read[i] = message.events;
            report();
          } else if (message.kind === 'done') {
            mergeDeltas(sums.delta, message.sums.delta);
            sums.targets.push(...message.sums.targets);
            folded ||= message.folded;
            done = true;
          } else fail(message.error);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => (done ? resolve() : fail(new Error(`the thread exited with code ${code}`))));
        if (ended)
          fail(ended); // before its task: its code did not load
        else worker.postMessage(tasks[i]);
      }),
  );
  try {
    await Promise.race([Promise.all(results), progressFailed]);
    await Promise.race([reporting, progressFailed]);
    return { sums, folded };
  } catch (error) {
    // Settle every promise first so no rejection goes unhandled, then stop the others (their COPYs roll back).
    for (const r of results) r.catch(() => undefined);
    await Promise.all(workers.map((w) => w.terminate()));
    await reporting;
    throw error;
  }
}
