import type { EventStore } from '@cl/event-store';
import { comparePositions } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { applyEvents, flushAggregates } from '../projection/apply-events';
import { BatchDelta } from '../projection/batch-delta';
import { readCheckpoint } from '../projection/checkpoint';
import { inTransaction } from '../projection/in-transaction';
import type { Sql } from '../projection/sql';

/** Progress of a rebuild or verify: events applied so far, the position reached and the head when it started. */
export interface ReplayProgress {
  /** replaying: reading and folding the log; loading: COPY into bare tables; indexing: keys and indexes after the load. */
  phase: 'replaying' | 'loading' | 'indexing' | 'catching-up' | 'swapping' | 'comparing' | 'done';
  done: number;
  position: string | null;
  head: string | null;
}

export interface ReplayOptions {
  batchSize?: number;
  /**
   * Worker threads that fold the log of a rebuild or verify (default: one per core, `os.availableParallelism()`,
   * where the code runs compiled; see parallel-fold.ts, defaultWorkers);
   * 1 folds in this thread. Used where the store reads by ranges of streams from another thread (PostgreSQL).
   */
  workers?: number;
  /** Awaited, so a progress bar can draw; keep it quick (the last calls run while the live projector waits). */
  onProgress?: (progress: ReplayProgress) => void | Promise<void>;
}

/** Events whose aggregate deltas a replay sums in memory before writing them (bounded memory, few writes). */
const DEFER_EVENTS = 100_000;

/**
 * Applies the log after `schema`'s checkpoint (up to `upTo` inclusive, if given) in pages. With `within`
 * every page goes into that open transaction; otherwise each page commits on its own. Only for scratch
 * schemas (rebuild, verify): aggregate deltas are summed over many pages and written once per
 * DEFER_EVENTS and at the end, so the scratch schema's checkpoint may run ahead of its aggregates
 * until replayInto returns (nobody reads a scratch schema before then; a failed rebuild starts over).
 */
export async function replayInto(
  dataSource: DataSource,
  store: EventStore,
  schema: string,
  args: {
    upTo?: string | null;
    within?: Sql;
    counter: { done: number };
    head: string | null;
    phase: ReplayProgress['phase'];
  } & ReplayOptions,
): Promise<string | null> {
  let { position } = await readCheckpoint(args.within ?? dataSource, schema);
  let deferred = new BatchDelta();
  let pending = 0;
  const flush = async () => {
    if (pending === 0) return;
    const delta = deferred;
    if (args.within) await flushAggregates(args.within, schema, delta);
    else await inTransaction(dataSource, (runner) => flushAggregates(runner, schema, delta));
    deferred = new BatchDelta();
    pending = 0;
  };
  for (;;) {
    if (args.upTo !== undefined && comparePositions(position, args.upTo) >= 0) break;
    const page = (await store.readAll(position, args.batchSize ?? 2000)).filter(
      (e) => args.upTo === undefined || comparePositions(e.position, args.upTo) <= 0,
    );
    if (page.length === 0) break;
    if (args.within) await applyEvents(args.within, schema, page, deferred);
    else await inTransaction(dataSource, (runner) => applyEvents(runner, schema, page, deferred));
    pending += page.length;
    if (pending >= DEFER_EVENTS) await flush();
    position = page.at(-1)!.position;
    args.counter.done += page.length;
    await args.onProgress?.({ phase: args.phase, done: args.counter.done, position, head: args.head });
  }
  await flush();
  return position;
}
