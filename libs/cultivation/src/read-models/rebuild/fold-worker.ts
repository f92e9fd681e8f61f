// A worker thread of a parallel rebuild (parallel-fold.ts): folds one range of streams on connections of its
// own, COPYs its enterprises' rows itself and hands back only what is summed across ranges (aggregate deltas,
// targets). It is started ahead and gets its task as its first message; it reports each page read; a failure
// is posted back and ends the thread.
import { parentPort } from 'node:worker_threads';
import { openStoreConnection } from '@cl/event-store';
import { BulkLoader, foldLog, openBulkPool } from './bulk-load';
import type { FoldTask, WorkerMessage } from './parallel-fold';

/** Connections for the reads: the page folded and the next one read meanwhile. */
const READ_CONNECTIONS = 2;

async function run(task: FoldTask, post: (message: WorkerMessage) => void): Promise<void> {
  const store = openStoreConnection(task.store, READ_CONNECTIONS);
  const pool = openBulkPool(task.tables);
  try {
    const loader = await BulkLoader.open(pool, task.schema);
    let folded: string | null;
    try {
      folded = await foldLog(store, task.upTo, loader, {
        pageSize: task.pageSize,
        range: task.range,
        counter: { done: 0 },
        onProgress: (p) => post({ kind: 'progress', events: p.done }),
      });
    } catch (error) {
      await loader.abort();
      throw error;
    }
    post({ kind: 'done', folded: folded !== null, sums: await loader.handBack() });
  } finally {
    await Promise.all([store.close(), pool.end()]);
  }
}

if (parentPort) {
  const port = parentPort;
  const post = (message: WorkerMessage) => port.postMessage(message);
  // `once`: with no listener left the port holds the thread no longer; it ends when its pools have.
  port.once('message', (task: FoldTask) => {
    run(task, post).catch((error: unknown) => post({ kind: 'failed', error }));
  });
}
