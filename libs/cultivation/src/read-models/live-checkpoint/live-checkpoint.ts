// An in-process view of the live checkpoint (position + generation), so that a cached answer needs no database
// read. Commits that move the checkpoint notify CHECKPOINT_CHANNEL (the projector's batch, in the statement that
// writes it; a rebuild's swap, naming the generation it replaces); one LISTEN connection follows them.
//
// The view is trusted only while that connection is up, after a read of the checkpoint issued once LISTEN was in
// place, and for at most `maxAgeMs` since it was last confirmed (a notification that moved it, or a read): a lost
// notification (a writer that does not notify, a half-open connection) leaves answers stale for at most that long.
// Notifications arrive in commit order but may overtake or trail a read, so the view only moves forward within a
// generation, follows a swap only from the generation it holds, and forgets itself (the next caller reads) whenever
// the order of a new generation against what it holds is not known.
import { comparePositions, NotificationListener } from '@cl/event-store';
import type { ClientConfig } from 'pg';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { readLiveCheckpoint } from '../queries/projection-state';
import type { Checkpoint } from '../projection/checkpoint';
import type { Sql } from '../projection/sql';
import { CHECKPOINT_CHANNEL } from '../schema';

/** Where the live read models stand: what a cached answer is keyed by. */
export interface CheckpointStamp {
  readonly position: string | null;
  readonly generation: string;
}

export interface LiveCheckpointOptions {
  /** Longest time the view is trusted without a confirmation, in ms (default 1000). */
  maxAgeMs?: number;
  /** First wait before reconnecting, doubled per failure up to 10 s (default 250 ms). */
  retryMs?: number;
  /** Told about errors the view survives (the connection dropping). */
  onError?: (error: unknown) => void;
  /** The channel to follow (default CHECKPOINT_CHANNEL; a test follows a silent one to lose every notification). */
  channel?: string;
}

/** A notification's payload: the checkpoint after the commit, and for a swap the generation it replaced. */
interface Announcement extends CheckpointStamp {
  readonly from?: string;
}

function parse(payload: string): Announcement | undefined {
  try {
    const a = JSON.parse(payload) as Partial<Announcement>;
    if (typeof a.generation !== 'string' || (a.position !== null && typeof a.position !== 'string')) return undefined;
    return { position: a.position, generation: a.generation, ...(typeof a.from === 'string' ? { from: a.from } : {}) };
  } catch {
    return undefined;
  }
}

/** When a read was issued, to place its result against what the view heard meanwhile. */
export interface ReadTicket {
  readonly epoch: number;
  readonly heard: number;
  readonly at: number;
}

/**
 * The view's state, without I/O: fed the connection's comings and goings, the notifications and the reads' results;
 * `now` is a monotonic clock in ms.
 */
export class CheckpointView {
  private listeningNow = false;
  /** What the view holds, undefined until a read establishes it (at start, after a drop, after a doubt). */
  private stamp: CheckpointStamp | undefined;
  private confirmedAt = -Infinity;
  /** Bumped when the connection comes or goes: a read issued before cannot be trusted after. */
  private epoch = 0;
  /** Bumped by every notification: a read overtaken by one cannot be placed before or after it blindly. */
  private heard = 0;
  /** The last notification of this epoch. */
  private lastHeard: Announcement | undefined;

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get listening(): boolean {
    return this.listeningNow;
  }

  /** The live checkpoint when the view can be trusted, else undefined. */
  current(): CheckpointStamp | undefined {
    if (!this.listeningNow || !this.stamp || this.now() - this.confirmedAt > this.maxAgeMs) return undefined;
    return this.stamp;
  }

  /** LISTEN is in place (true) or the connection is gone (false): either way only a read issued from now counts. */
  connection(listening: boolean): void {
    this.listeningNow = listening;
    this.epoch++;
    this.stamp = undefined;
    this.lastHeard = undefined;
    this.confirmedAt = -Infinity;
  }

  /** Taken just before a read of the checkpoint is sent. */
  ticket(): ReadTicket {
    return { epoch: this.epoch, heard: this.heard, at: this.now() };
  }

  /** A read's result, sent at `issued`. */
  observe(read: CheckpointStamp, issued: ReadTicket): void {
    if (!this.listeningNow || issued.epoch !== this.epoch) return; // issued before LISTEN was in place
    const quiet = issued.heard === this.heard; // no notification since the read was issued: it is the newest
    const stamp = this.stamp;
    if (stamp && stamp.generation === read.generation) {
      // Within a generation positions only grow: the larger is the newer.
      if (comparePositions(read.position, stamp.position) >= 0) this.set(read, issued.at);
    } else if (quiet) {
      this.set(read, issued.at);
    } else if (!stamp && this.lastHeard?.generation === read.generation) {
      this.set(comparePositions(this.lastHeard.position, read.position) > 0 ? this.lastHeard : read, issued.at);
    } else {
      this.stamp = undefined; // two generations whose order is unknown: the next caller reads again
    }
  }

  /** A notification's payload. */
  notified(payload: string): void {
    this.heard++;
    const heard = parse(payload);
    this.lastHeard = heard;
    const stamp = this.stamp;
    if (!stamp) return; // nothing to move on from: a read places the view
    if (heard === undefined) {
      this.stamp = undefined;
    } else if (heard.from !== undefined) {
      // A swap: followed from the generation it replaced; one that is already in place changes nothing.
      if (heard.from === stamp.generation) this.set(heard, this.now());
      else if (heard.generation !== stamp.generation) this.stamp = undefined;
    } else if (heard.generation !== stamp.generation) {
      this.stamp = undefined; // a generation whose swap this view did not see
    } else if (comparePositions(heard.position, stamp.position) > 0) {
      this.set(heard, this.now());
    }
  }

  /** Holds `stamp`, known to have been live at `at` (a read: when it was issued; a notification: when it came). */
  private set(stamp: CheckpointStamp, at: number): void {
    const same = this.stamp?.generation === stamp.generation && this.stamp.position === stamp.position;
    this.stamp = { position: stamp.position, generation: stamp.generation };
    this.confirmedAt = same ? Math.max(this.confirmedAt, at) : at;
  }
}

/** A CheckpointView fed by a LISTEN connection of its own and by the reads made through it. */
export class LiveCheckpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly listener: NotificationListener;
  private readonly view: CheckpointView;
  private listeningWaiters: (() => void)[] = [];

  constructor(connection: ClientConfig, options: LiveCheckpointOptions = {}) {
    this.view = new CheckpointView(options.maxAgeMs ?? 1000);
    const onError = options.onError ?? (() => undefined);
    this.listener = new NotificationListener(
      connection,
      options.channel ?? CHECKPOINT_CHANNEL,
      {
        notification: (payload) => this.view.notified(payload),
        listening: () => {
          this.view.connection(true);
          for (const resolve of this.listeningWaiters.splice(0)) resolve();
        },
        lost: (error) => {
          if (error) onError(error);
          this.view.connection(false);
        },
      },
      options.retryMs ?? 250,
    );
  }

  start(): void {
    this.listener.start();
  }

  stop(): Promise<void> {
    this.view.connection(false);
    return this.listener.stop();
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** True while the LISTEN connection is up. */
  get listening(): boolean {
    return this.view.listening;
  }

  /** Resolves once the LISTEN connection is (again) in place. */
  whenListening(): Promise<void> {
    return this.view.listening ? Promise.resolve() : new Promise((resolve) => this.listeningWaiters.push(resolve));
  }

  /** The live checkpoint when the view can be trusted, else undefined (the caller reads it: `read`). */
  current(): CheckpointStamp | undefined {
    return this.view.current();
  }

  /** True when the trusted view has reached `position`. */
  reached(position: string): boolean {
    const stamp = this.view.current();
    return stamp !== undefined && comparePositions(stamp.position, position) >= 0;
  }

  /** Reads the live checkpoint from the database and confirms (or corrects) the view with it. */
  async read(sql: Sql): Promise<Checkpoint> {
    const issued = this.view.ticket();
    const checkpoint = await readLiveCheckpoint(sql);
    this.view.observe(checkpoint, issued);
    return checkpoint;
  }
}
