// How fast the projector of this process is applying events, for projectionStatus.etaSeconds: during a catch-up its
// own progress (events done of the events it has to go through, since it started), otherwise the events applied by
// the batches of the last PACE_WINDOW_MS.

/** The window of live batches that makes the recent rate. */
export const PACE_WINDOW_MS = 30_000;

/**
 * A catch-up under way: `total` events to go through, `done` so far. A merge goes through the lag; a re-derivation
 * folds the whole log while the live lag stays where it was until the swap.
 */
interface CatchingUp {
  path: 'merge' | 'rederive';
  total: number;
  done: number;
  startedAt: number;
}

export class ProjectionPace {
  private catchingUp: CatchingUp | null = null;
  private readonly batches: { at: number; events: number }[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A catch-up starts that goes through `total` events. */
  startCatchUp(path: CatchingUp['path'], total: number): void {
    this.catchingUp = { path, total, done: 0, startedAt: this.now() };
  }

  /** The catch-up has gone through `done` events so far. */
  catchUpAt(done: number): void {
    if (this.catchingUp) this.catchingUp.done = done;
  }

  endCatchUp(): void {
    this.catchingUp = null;
  }

  /** A live batch of `events` was applied. */
  batch(events: number): void {
    const at = this.now();
    this.batches.push({ at, events });
    while (this.batches.length > 0 && this.batches[0]!.at < at - PACE_WINDOW_MS) this.batches.shift();
  }

  /**
   * Seconds until `lag` events are applied at the current pace; null when caught up, or when no pace is known yet
   * (nothing done since the catch-up started, no batch in the window).
   */
  etaSeconds(lag: number): number | null {
    if (lag <= 0) return null;
    const now = this.now();
    const c = this.catchingUp;
    if (c) {
      if (c.done <= 0 || now <= c.startedAt) return null;
      const rate = (c.done / (now - c.startedAt)) * 1000;
      return round((c.path === 'merge' ? lag : Math.max(c.total - c.done, 0)) / rate);
    }
    const recent = this.batches.filter((b) => b.at >= now - PACE_WINDOW_MS);
    if (recent.length === 0) return null;
    const events = recent.reduce((n, b) => n + b.events, 0);
    const seconds = Math.max((now - recent[0]!.at) / 1000, 1);
    return round(lag / (events / seconds));
  }
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;
