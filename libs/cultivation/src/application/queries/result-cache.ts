// Aggregate answers change only when the projection moves, so they are cached under the checkpoint
// (position + generation): a new event or a swapped-in rebuild makes every older entry unreachable.
import { readLiveCheckpoint, type Sql } from '../../read-models';

/** A small LRU of query results keyed by (arguments, checkpoint). */
export class CheckpointCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = 512) {}

  /** The cached result of `compute` for `args` at the current checkpoint. */
  async get<T>(sql: Sql, args: unknown[], compute: () => Promise<T>): Promise<T> {
    const { position, generation } = await readLiveCheckpoint(sql);
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
