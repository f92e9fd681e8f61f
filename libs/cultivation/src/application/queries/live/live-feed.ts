// Live answers for subscribers: one timer, running only while someone listens, looks at where the read models
// stand; when they advanced, each distinct question (projection status; cohortProgress of one district) is asked
// once and its answer sent to every subscriber of that question whose last answer differs. Questions are asked at
// most once per tick, so a burst of grants costs one read per tick, not one per event or per subscriber.
import { Pushable } from './pushable';

/** What a question is asked with and keyed by (same key: asked once per tick, answered to all). */
export interface LiveQuestion<T> {
  readonly key: string;
  ask(): Promise<T>;
}

interface Listener {
  readonly question: LiveQuestion<unknown>;
  readonly sink: Pushable<unknown>;
  last?: string;
}

/** How often and for how many the feed answers. */
export interface LiveFeedLimits {
  /** Ticks at most this often, in ms (default 500: "at most a few times a second"). */
  intervalMs?: number;
  /** Most subscribers at once (default 200); one more is refused. */
  maxSubscribers?: number;
}

export interface LiveFeedOptions extends LiveFeedLimits {
  /** Where the read models stand now (a position, or anything that changes when they advance). */
  stamp(): Promise<string>;
  /** Told about a failed tick (the feed carries on at the next one). */
  onError?: (error: unknown) => void;
}

/** Raised when the feed is full: the caller maps it to a coded refusal. */
export class LiveFeedFull extends Error {
  constructor(readonly max: number) {
    super(`At most ${max} live subscriptions at once: try again later`);
  }
}

export class LiveFeed {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private lastStamp: string | undefined;
  private ticking = false;
  private readonly intervalMs: number;
  readonly maxSubscribers: number;

  constructor(private readonly options: LiveFeedOptions) {
    this.intervalMs = options.intervalMs ?? 500;
    this.maxSubscribers = options.maxSubscribers ?? 200;
  }

  get size(): number {
    return this.listeners.size;
  }

  /**
   * Answers `question` now, then each time the read models advanced and its answer changed. The iterator's
   * `return()` (the subscriber leaving) unsubscribes.
   */
  subscribe<T>(question: LiveQuestion<T>): AsyncIterableIterator<T> {
    if (this.listeners.size >= this.maxSubscribers) throw new LiveFeedFull(this.maxSubscribers);
    const listener: Listener = {
      question,
      sink: new Pushable<unknown>(() => this.remove(listener)),
    };
    this.listeners.add(listener);
    this.start();
    void this.answer([listener]);
    return listener.sink as Pushable<T>;
  }

  /** Ends every subscription (the service stopping). */
  close(): void {
    for (const listener of [...this.listeners]) listener.sink.end();
    this.stop();
  }

  private remove(listener: Listener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) this.stop();
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.lastStamp = undefined;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return; // a slow tick is not stacked on: the next one sees the newer stamp
    this.ticking = true;
    try {
      const stamp = await this.options.stamp();
      if (stamp === this.lastStamp) return;
      this.lastStamp = stamp;
      await this.answer([...this.listeners]);
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.ticking = false;
    }
  }

  /** Asks each distinct question once and sends the answers that changed. */
  private async answer(listeners: Listener[]): Promise<void> {
    const byKey = new Map<string, Listener[]>();
    for (const l of listeners) byKey.set(l.question.key, [...(byKey.get(l.question.key) ?? []), l]);
    await Promise.all(
      [...byKey.values()].map(async (group) => {
        let answer: unknown;
        try {
          answer = await group[0]!.question.ask();
        } catch (error) {
          for (const l of group) l.sink.fail(error);
          return;
        }
        const text = JSON.stringify(answer);
        for (const l of group) {
          if (l.last === text) continue;
          l.last = text;
          l.sink.push(answer);
        }
      }),
    );
  }
}
