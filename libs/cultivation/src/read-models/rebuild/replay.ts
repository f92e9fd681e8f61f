import type { EventStore } from '@cl/event-store';
import { comparePositions } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { applyEvents } from '../projection/apply-events';
import { readCheckpoint } from '../projection/checkpoint';
import { inTransaction } from '../projection/in-transaction';
import type { Sql } from '../projection/sql';

/** Progress of a rebuild or verify: events applied so far, the position reached and the head when it started. */
export interface ReplayProgress {
  phase: 'replaying' | 'catching-up' | 'swapping' | 'comparing' | 'done';
  done: number;
  position: string | null;
  head: string | null;
}

export interface ReplayOptions {
  batchSize?: number;
  /** Awaited, so a progress bar can draw; keep it quick (the last calls run while the live projector waits). */
  onProgress?: (progress: ReplayProgress) => void | Promise<void>;
}

/**
 * Applies the log after `schema`'s checkpoint (up to `upTo` inclusive, if given) in pages. With `within`
 * every page goes into that open transaction; otherwise each page commits on its own.
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
  for (;;) {
    if (args.upTo !== undefined && comparePositions(position, args.upTo) >= 0) return position;
    const page = (await store.readAll(position, args.batchSize ?? 1000)).filter(
      (e) => args.upTo === undefined || comparePositions(e.position, args.upTo) <= 0,
    );
    if (page.length === 0) return position;
    if (args.within) await applyEvents(args.within, schema, page);
    else await inTransaction(dataSource, (runner) => applyEvents(runner, schema, page));
    position = page.at(-1)!.position;
    args.counter.done += page.length;
    await args.onProgress?.({ phase: args.phase, done: args.counter.done, position, head: args.head });
  }
}
