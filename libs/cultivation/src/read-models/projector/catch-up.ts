// Catch-up: how the live projector takes a backlog at the rebuild's speed instead of 500 events per transaction.
// Far behind (CATCH_UP_THRESHOLD events or more), it either
//  - merges the backlog into the live read models in large ranges (`mergeBacklog`): each range one transaction with
//    the checkpoint, each enterprise touched loaded once, folded once over all its events of the range, its facts
//    derived once before and after, the aggregate deltas summed and written once (applyEvents over a range); the
//    next range is read while one is applied. Exact by construction: the same before/after difference the live
//    path writes, from the stored snapshots at the checkpoint;
//  - or, when the backlog is most of the log, re-derives the whole read side into the shadow schema with the
//    parallel rebuild (worker threads) and swaps it in (`rebuildReadModels`): queries answer from the live schema
//    until the swap.
// Which one: re-deriving costs the whole log at the rebuild's rate, merging the backlog at the merge's rate, so the
// projector re-derives when backlog ÷ log ≥ MERGE_SPEED (merge events/s ÷ rebuild events/s, measured by B6).
import { comparePositions, type EventStore, type StoredEvent } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { applyEvents } from '../projection/apply-events';
import { readCheckpoint } from '../projection/checkpoint';
import { inTransaction } from '../projection/in-transaction';
import { LIVE_SCHEMA } from '../schema';

/**
 * Events behind at which the projector leaves the live path (batches of 500, about fifteen statements each) for a
 * catch-up: ten live batches. B6 at 30,000: the live path applies 266 ev/s, the merge 698 ev/s (2.6×), so from
 * here on a catch-up saves seconds; below it the live path is done within a few seconds anyway.
 */
export const CATCH_UP_THRESHOLD = 5_000;
/** Events per range of a merge (one transaction each; memory holds a range's events and touched snapshots). */
export const CATCH_UP_RANGE = 20_000;
/**
 * The merge's events/s ÷ the parallel rebuild's events/s: 0.43 in B6 at 30,000 enterprises (169,711 events; 698 ÷
 * 1,640 ev/s, one run on a 2-core machine shared by eight sessions; at 3,000 the rebuild's fixed costs make it 0.87).
 * A backlog of at least this share of the log is re-derived in the shadow schema.
 */
export const MERGE_SPEED = 0.4;

/** How many events lie after `from` (exclusive) up to `upTo` (inclusive), exactly. */
export async function countEvents(store: EventStore, from: string | null, upTo: string | null): Promise<number> {
  if (upTo === null || comparePositions(upTo, from) <= 0) return 0;
  if (store.countBetween) return store.countBetween(from, upTo, Number.MAX_SAFE_INTEGER);
  let n = 0;
  for (let at = from; ;) {
    const page = await store.readAll(at, 5_000);
    const inRange = page.filter((e) => comparePositions(e.position, upTo) <= 0);
    n += inRange.length;
    if (inRange.length < page.length || page.length === 0) return n;
    at = page.at(-1)!.position;
  }
}

/** What the projector does with what lies between its checkpoint and the head. */
export interface CatchUpPlan {
  path: 'live' | 'merge' | 'rederive';
  /** Events after the checkpoint up to `head`. */
  backlog: number;
  /** Events in the whole log up to `head` (0 when not counted: the live path). */
  log: number;
  head: string | null;
  from: string | null;
}

/** Counts the backlog of the live read models and chooses the path for it (see the file's comment). */
export async function planCatchUp(
  dataSource: DataSource,
  store: EventStore,
  threshold = CATCH_UP_THRESHOLD,
): Promise<CatchUpPlan> {
  const [{ position: from }, head] = await Promise.all([readCheckpoint(dataSource, LIVE_SCHEMA), store.head()]);
  const backlog = await countEvents(store, from, head);
  if (backlog < threshold) return { path: 'live', backlog, log: 0, head, from };
  const log = from === null ? backlog : backlog + (await countEvents(store, null, from));
  return { path: backlog >= MERGE_SPEED * log ? 'rederive' : 'merge', backlog, log, head, from };
}

/**
 * Applies the live schema's backlog up to `upTo` in ranges of `range` events, each in one transaction under the
 * APPLY lock with the checkpoint (so queries see a range whole or not at all); reads the next range while one is
 * applied. `onRange` is told the events applied after each commit. Returns the position reached.
 */
export async function mergeBacklog(
  dataSource: DataSource,
  store: EventStore,
  upTo: string,
  options: { range?: number; onRange?: (events: number) => void; shouldStop?: () => boolean } = {},
): Promise<string | null> {
  const size = options.range ?? CATCH_UP_RANGE;
  let { position } = await readCheckpoint(dataSource, LIVE_SCHEMA);
  const read = (from: string | null): Promise<StoredEvent[]> => {
    const page = store.readAll(from, size).then((p) => p.filter((e) => comparePositions(e.position, upTo) <= 0));
    page.catch(() => undefined); // awaited below
    return page;
  };
  let next = read(position);
  while (comparePositions(position, upTo) < 0 && !options.shouldStop?.()) {
    const page = await next;
    if (page.length === 0) break;
    const last = page.at(-1)!.position;
    if (comparePositions(last, upTo) < 0) next = read(last);
    await inTransaction(dataSource, (runner) => applyEvents(runner, LIVE_SCHEMA, page), { lockApply: true });
    position = last;
    options.onRange?.(page.length);
  }
  return position;
}
