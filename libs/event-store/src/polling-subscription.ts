import type { BatchHandler, Position, StoredEvent, SubscribeOptions, Subscription } from './event-store';

/** What a polling subscription needs from its store. */
export interface PollSource {
  readAll(from: Position | null, limit: number): Promise<StoredEvent[]>;
  /** True when events after `from` exist but are not settled yet: worth re-reading soon rather than at the next poll. */
  hasUnsettledAfter?(from: Position | null): Promise<boolean>;
}

const UNSETTLED_RECHECK_MS = 20;
/** Longest wait between two reads that failed. */
const MAX_BACKOFF_MS = 5_000;

/** A wake-up signal: `notify()` ends the current `wait()` early, or the next one if none is in progress. */
export class Wakeup {
  private pending = false;
  private wake: (() => void) | undefined;

  notify(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }

  clear(): void {
    this.pending = false;
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/**
 * Reads settled events after a checkpoint, hands them over a batch at a time, and sleeps until woken (a notification)
 * or the poll interval passes. The checkpoint is the last delivered position, so each event is delivered once.
 */
export class PollingSubscription implements Subscription {
  readonly finished: Promise<void>;
  readonly wakeup = new Wakeup();
  private stopped = false;
  private failures = 0;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly minReadIntervalMs: number;

  constructor(
    private readonly source: PollSource,
    private checkpoint: Position | null,
    private readonly handler: BatchHandler,
    private readonly options: SubscribeOptions = {},
    onFinished: () => void = () => undefined,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.minReadIntervalMs = options.minReadIntervalMs ?? 0;
    this.finished = this.run().finally(onFinished);
    // Whoever ignores `finished` should not get an unhandled rejection; awaiting it still sees the error.
    this.finished.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeup.notify();
    await this.finished.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let lastRead = Number.NEGATIVE_INFINITY;
    let backlog = false;
    while (!this.stopped) {
      this.wakeup.clear();
      // Spaced reads: what is appended meanwhile comes in the next batch (notifications meanwhile are covered by it).
      if (!backlog) {
        for (let left = lastRead + this.minReadIntervalMs - performance.now(); left > 0 && !this.stopped;) {
          await this.wakeup.wait(left);
          left = lastRead + this.minReadIntervalMs - performance.now();
        }
        if (this.stopped) break;
      }
      lastRead = performance.now();
      let batch: StoredEvent[];
      try {
        batch = await this.source.readAll(this.checkpoint, this.batchSize);
      } catch (error) {
        // The store unreachable: try again, waiting twice as long each time (up to MAX_BACKOFF_MS).
        this.failures++;
        this.options.onError?.(error);
        await this.wakeup.wait(Math.min(this.pollIntervalMs * 2 ** Math.min(this.failures - 1, 10), MAX_BACKOFF_MS));
        continue;
      }
      this.failures = 0;
      backlog = batch.length >= this.batchSize;
      const last = batch[batch.length - 1];
      if (last) {
        await this.handler(batch); // a throwing handler ends the subscription: `finished` rejects
        this.checkpoint = last.position;
        continue;
      }
      let unsettled = false;
      try {
        unsettled = (await this.source.hasUnsettledAfter?.(this.checkpoint)) ?? false;
      } catch (error) {
        this.options.onError?.(error);
      }
      if (this.stopped) break;
      await this.wakeup.wait(unsettled ? Math.min(UNSETTLED_RECHECK_MS, this.pollIntervalMs) : this.pollIntervalMs);
    }
  }
}
