// Aggregate answers change only when the projection moves, so they are cached under the checkpoint
// (position + generation): a new event or a swapped-in rebuild makes every older entry unreachable. With a
// LiveCheckpoint the checkpoint comes from its view while that is trusted, else from a read (which confirms it).
import { readLiveCheckpoint, type LiveCheckpoint, type Sql } from '../../read-models';

/** What a cached answer is valid for. */
export interface CacheStamp {
  readonly position: unknown;
  readonly generation: unknown;
}

/** A small LRU of query results keyed by (arguments, checkpoint). */
export class CheckpointCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    private readonly live?: LiveCheckpoint,
    private readonly maxEntries = 512,
  ) {}

  /**
   * The cached result of `compute` for `args` at the current checkpoint; `compute` is given that
   * checkpoint, to look up what it needs with `at` without reading the checkpoint again.
   */
  async get<T>(sql: Sql, args: unknown[], compute: (at: CacheStamp) => Promise<T>): Promise<T> {
    const stamp = this.live?.current() ?? (await (this.live ? this.live.read(sql) : readLiveCheckpoint(sql)));
    return this.at({ position: stamp.position, generation: stamp.generation }, args, () => compute(stamp));
  }

  /** The cached result of `compute` for `args` at a checkpoint already read. */
  at<T>({ position, generation }: CacheStamp, args: unknown[], compute: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([position, generation, ...args]);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // re-insert: most recently used last
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const result = compute();
    this.entries.set(key, result);
    result.catch(() => this.entries.delete(key)); // never cache a failure
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return result;
  }
}
