// The projection worker. Every instance is a candidate; the one holding the leader lock subscribes to
// the log from the stored checkpoint and applies each batch plus the checkpoint in one transaction.
// Standbys retry every `retryMs`; a leader whose lock connection dies steps down (the APPLY lock
// taken per batch keeps even an overlapping old leader from interleaving writes). Read models written
// by an older projection version (an upgrade, or a migration that asks for re-derivation) are re-derived by the
// parallel rebuild into the shadow schema and swapped in, while queries answer from them; read models of a newer
// version are refused (one log line, projectionStatus says so). Far behind, the worker takes the backlog on the
// rebuild's path (catch-up.ts) before it follows the log batch by batch again.
// Faults: a transient one (the database unreachable, a timeout, a deadlock) is retried from the checkpoint with
// backoff. One event that cannot be applied (UnappliableEvent: an unknown type, a newer schema version, a bug;
// or any other error that recurs when that event is applied alone) stalls the worker on it: logged, recorded in
// the checkpoint row (projectionStatus.stalledAt / error), never retried by this process. It goes on when the
// checkpoint moves past the event (a rebuild with fixed code swapped in) or after a restart with fixed code.
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { comparePositions, Wakeup, type EventStore, type StoredEvent, type Subscription } from '@cl/event-store';
import { isUnavailable } from '@cl/platform';
import type { Logger } from 'pino';
import type { DataSource, QueryRunner } from 'typeorm';
import { applyEvents } from '../projection/apply-events';
import { type ProjectionStall, readCheckpoint, writeStall } from '../projection/checkpoint';
import { inTransaction } from '../projection/in-transaction';
import { ProjectionVersionMismatch, versionMismatch } from '../projection/versions';
import { rebuildReadModels, RebuildAlreadyRunning } from '../rebuild/rebuild';
import { UnappliableEvent } from '../projection/unappliable-event';
import { LIVE_SCHEMA } from '../schema';
import { CATCH_UP_THRESHOLD, countEvents, mergeBacklog, planCatchUp } from './catch-up';
import { LeaderLock } from './leader-lock';
import { ProjectionPace } from './pace';

/**
 * What a projector does when the live read models were written by another projection version: 'upgrade' re-derives
 * them in the shadow schema when they are older than this code and refuses newer ones (an older release running
 * beside a newer one during a deploy must not rebuild them back); 'rebuild' re-derives either; 'refuse' neither.
 */
export type VersionMismatchPolicy = 'upgrade' | 'refuse' | 'rebuild';

export interface ProjectorOptions {
  /** Events per transaction (default 500). */
  batchSize?: number;
  /** How often a standby tries for the lock and a leader checks it still has it, in ms (default 3000). */
  retryMs?: number;
  /** Poll interval of the subscription when no notification arrives (default 500). */
  pollIntervalMs?: number;
  /**
   * Least time between two batches' reads while appends keep coming, in ms (default DEFAULT_MIN_READ_INTERVAL_MS):
   * under write load one transaction per interval applies what arrived, instead of one per commit.
   */
  minReadIntervalMs?: number;
  /** Start on application bootstrap when used as a Nest provider (default true). */
  autoStart?: boolean;
  /** Told about errors the worker survives (a failed batch, a lost connection); default: logged as errors. */
  onError?: (error: unknown) => void;
  /**
   * On read models of another projection or snapshot version: 'upgrade' (default) rebuilds older ones with this
   * code and refuses newer ones; 'refuse' applies nothing until someone rebuilds; 'rebuild' rebuilds them whatever
   * their version, then projects (PROJECTION_VERSION_MISMATCH).
   */
  onVersionMismatch?: VersionMismatchPolicy;
  /** Events behind at which a catch-up takes the backlog (default CATCH_UP_THRESHOLD; Infinity: never). */
  catchUpThreshold?: number;
  /** Events per range of a merging catch-up (default CATCH_UP_RANGE). */
  catchUpRange?: number;
  /** Worker threads of a re-derivation (rebuild's `workers`; default one per core where compiled). */
  workers?: number;
  /** Told once per refusal or rebuild, in one line (default: the logger's warn). */
  onNotice?: (message: string) => void;
  /** Told once when the worker stalls on an event it cannot apply; default: logged as an error. */
  onStall?: (stall: ProjectionStall) => void;
  /** Longest wait before retrying after consecutive transient failures, in ms (default 30000). */
  maxBackoffMs?: number;
  /** Told about each batch committed: its events and the seconds it took (the metrics). */
  onBatch?: (events: number, seconds: number) => void;
  /** Test hook: runs inside each batch's transaction just before commit. */
  beforeCommit?: (runner: QueryRunner, batch: StoredEvent[]) => Promise<void>;
}

/**
 * Spacing of the projector's reads under write load. Each batch costs about fifteen statements whatever its size, so
 * one per commit spends more of the process on projecting than on the commands; a read-your-writes query waits at
 * most this much longer.
 */
export const DEFAULT_MIN_READ_INTERVAL_MS = 25;

/** One projector instance: `start()` joins the election, `stop()` leaves it (releasing the lock). */
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private running: Promise<void> | undefined;
  private stopping = false;
  private active = false;
  private subscription: Subscription | undefined;
  private readonly wakeup = new Wakeup();
  private readonly onError: (error: unknown) => void;
  private readonly onNotice: (message: string) => void;
  /** The refusal last told, so that retrying does not repeat it. */
  private refused: string | undefined;
  private readonly onStall: (stall: ProjectionStall) => void;
  /** Consecutive failures since the last batch applied (the backoff's exponent). */
  private failures = 0;
  private stalled: { stall: ProjectionStall; generation: string } | null = null;
  /** Set by a full batch that finds the log far ahead: the subscription stops and a catch-up takes the backlog. */
  private behind = false;
  private lastBehindCheck = 0;
  /** After a catch-up met an event it could not apply: the live path only, up to this position. */
  private liveUntil: string | null = null;
  /** How fast this worker applies events (projectionStatus.etaSeconds). */
  readonly pace = new ProjectionPace();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    logger: Pick<Logger, 'error'> & Partial<Pick<Logger, 'warn'>>,
    private readonly options: ProjectorOptions = {},
  ) {
    this.onError =
      options.onError ?? ((error) => logger.error({ err: error }, 'projector error; it retries with backoff'));
    this.onNotice =
      options.onNotice ??
      ((message) => (logger.warn ? logger.warn(`projector: ${message}`) : logger.error(`projector: ${message}`)));
    this.onStall =
      options.onStall ??
      ((stall) =>
        logger.error(
          {
            stalledAt: stall.position,
            eventType: stall.type,
            eventId: stall.eventId,
            stream: stall.streamId,
            error: stall.error,
          },
          `projector stalled at position ${stall.position}: ${stall.type} cannot be applied (${stall.error}); fix the code, then restart or rebuild`,
        ));
  }

  /** The event this worker stopped at, while it is stalled; null otherwise. */
  get stall(): ProjectionStall | null {
    return this.stalled?.stall ?? null;
  }

  /** True while this instance is the active worker. */
  get isActive(): boolean {
    return this.active;
  }

  /** Joins the election (idempotent); returns at once. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.wakeup.clear();
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  /** Stops after the batch in hand and releases the leader lock. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.notify();
    await this.subscription?.stop();
    await this.running;
  }

  onApplicationBootstrap(): void {
    if (this.options.autoStart ?? true) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let lock: LeaderLock | null = null;
      try {
        lock = await LeaderLock.tryAcquire(this.dataSource);
        if (lock && !this.stopping) await this.lead(lock);
      } catch (error) {
        if (error instanceof ProjectionVersionMismatch) this.refuse(error);
        else {
          this.failures++;
          this.onError(error);
        }
      } finally {
        this.active = false;
        await lock?.release().catch(this.onError);
      }
      if (!this.stopping) await this.wakeup.wait(this.nextWait());
    }
  }

  /** retryMs, doubled for each consecutive failure up to maxBackoffMs. */
  private nextWait(): number {
    const retryMs = this.options.retryMs ?? 3000;
    if (this.failures === 0) return retryMs;
    return Math.min(
      retryMs * 2 ** Math.min(this.failures - 1, 20),
      Math.max(retryMs, this.options.maxBackoffMs ?? 30_000),
    );
  }

  /** Projects until stopped, until a batch fails (retried from the checkpoint later) or the lock is lost. */
  private async lead(lock: LeaderLock): Promise<void> {
    let checkpoint = await readCheckpoint(this.dataSource, LIVE_SCHEMA);
    const mismatch = versionMismatch(checkpoint);
    if (mismatch && !rebuildsOn(mismatch, this.options.onVersionMismatch ?? 'upgrade')) return this.refuse(mismatch);
    if (mismatch) {
      const { stored, code } = mismatch;
      this.onNotice(
        `rebuilding the read models in the shadow schema (queries answer from the current ones until the swap): written by ` +
          `projection version ${stored.projection} (snapshot version ${stored.snapshot}), this code is ${code.projection} ` +
          `(snapshot version ${code.snapshot})`,
      );
      if (!(await this.rederive())) return; // someone else's rebuild: look again after retryMs
      checkpoint = await readCheckpoint(this.dataSource, LIVE_SCHEMA);
    }
    this.refused = undefined;
    if (this.stopping) return; // stop() came during the rebuild, when there was no subscription to stop
    const { position, generation } = checkpoint;
    if (this.stalled) {
      const past = comparePositions(position, this.stalled.stall.position) >= 0;
      if (!past && generation === this.stalled.generation) return; // still stalled: wait for the fix
      this.stalled = null; // a rebuild (with fixed code) got past the event
    }
    do {
      this.behind = false;
      this.active = true;
      if (!(await this.catchUp())) return;
      if (this.stopping) return;
      await this.follow(lock);
    } while (this.behind && !this.stopping);
  }

  /**
   * Takes a backlog of catchUpThreshold events or more on the rebuild's path (catch-up.ts): merged in large ranges,
   * or, when it is most of the log, re-derived in the shadow schema and swapped in. False when another process's
   * rebuild holds the rebuild lock (the caller looks again later). An event the merge cannot apply leaves the rest
   * to the live path, which narrows it down and stalls on it.
   */
  private async catchUp(): Promise<boolean> {
    const threshold = this.options.catchUpThreshold ?? CATCH_UP_THRESHOLD;
    if (!Number.isFinite(threshold)) return true;
    const plan = await planCatchUp(this.dataSource, this.store, threshold);
    if (plan.path === 'live' || plan.head === null) return true;
    if (this.liveUntil && comparePositions(plan.from, this.liveUntil) < 0) return true;
    this.onNotice(
      `catching up ${plan.backlog} events (the log holds ${plan.log}) by ${plan.path === 'merge' ? 'merging them in ranges' : 're-deriving the read models in the shadow schema'}`,
    );
    let done = 0;
    let started = performance.now();
    try {
      if (plan.path === 'rederive') return await this.rederive(plan.log);
      this.pace.startCatchUp('merge', plan.backlog);
      await mergeBacklog(this.dataSource, this.store, plan.head, {
        range: this.options.catchUpRange,
        shouldStop: () => this.stopping,
        onRange: (events) => {
          this.pace.catchUpAt((done += events));
          this.options.onBatch?.(events, (performance.now() - started) / 1000);
          started = performance.now();
          this.failures = 0;
        },
      });
    } catch (error) {
      if (isTransient(error)) throw error;
      // An event that cannot be applied: the live path meets it again batch by batch, narrows it down and stalls on
      // it; no catch-up until the checkpoint is past this backlog.
      this.liveUntil = plan.head;
      this.onError(error);
    } finally {
      this.pace.endCatchUp();
    }
    return true;
  }

  /** Rebuilds into the shadow schema and swaps; false when another process's rebuild holds the lock. */
  private async rederive(log?: number): Promise<boolean> {
    this.pace.endCatchUp();
    this.pace.startCatchUp('rederive', log ?? (await countEvents(this.store, null, await this.store.head())));
    try {
      await rebuildReadModels(this.dataSource, this.store, {
        ...(this.options.workers ? { workers: this.options.workers } : {}),
        onProgress: (p) => this.pace.catchUpAt(p.done),
      });
      return true;
    } catch (error) {
      if (error instanceof RebuildAlreadyRunning) return false;
      throw error;
    } finally {
      this.pace.endCatchUp();
    }
  }

  /** Follows the log batch by batch until stopped, the lock is lost, a batch fails, or a full batch finds it far behind. */
  private async follow(lock: LeaderLock): Promise<void> {
    const { position } = await readCheckpoint(this.dataSource, LIVE_SCHEMA);
    // stop() while the checkpoint was read found no subscription to stop: it waits for this loop to end.
    if (this.stopping) return;
    const subscription = this.store.subscribe(position, (batch) => this.apply(batch), {
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
      minReadIntervalMs: this.options.minReadIntervalMs ?? DEFAULT_MIN_READ_INTERVAL_MS,
      onError: this.onError,
    });
    this.subscription = subscription;
    this.active = true;
    const watchdog = setInterval(() => {
      void lock.alive().then((ok) => {
        if (!ok) void subscription.stop();
      });
    }, this.options.retryMs ?? 3000);
    try {
      await subscription.finished;
    } catch (error) {
      if (!(error instanceof UnappliableEvent)) throw error;
      await this.stallOn(error);
    } finally {
      clearInterval(watchdog);
      this.active = false;
      this.subscription = undefined;
    }
  }

  /** Stops at the event: recorded in the checkpoint row, remembered here with that row's generation, told once. */
  private async stallOn(error: UnappliableEvent): Promise<void> {
    const stall: ProjectionStall = {
      position: error.position,
      eventId: error.eventId,
      streamId: error.streamId,
      type: error.type,
      error: error.reason,
      at: new Date().toISOString(),
    };
    try {
      await writeStall(this.dataSource, LIVE_SCHEMA, stall);
      this.stalled = { stall, generation: (await readCheckpoint(this.dataSource, LIVE_SCHEMA)).generation };
    } catch (e) {
      // The database went away meanwhile: not stalled yet; the next attempt meets the event again.
      this.failures++;
      this.onError(e);
      return;
    }
    this.onStall(stall);
  }

  /**
   * Applies a batch. A transient failure ends the subscription (retried from the checkpoint with backoff). An
   * UnappliableEvent stalls the worker on that event, after applying what precedes it. Any other failure is
   * narrowed down to one event by applying the batch's events one at a time: the event that still fails is
   * unappliable; if none fails, the batch is simply done.
   */
  private async apply(batch: StoredEvent[]): Promise<void> {
    try {
      await this.applyOnce(batch);
    } catch (error) {
      if (isTransient(error) || error instanceof ProjectionVersionMismatch) throw error;
      if (error instanceof UnappliableEvent) {
        // What comes before the event is applied, so the checkpoint stops right before it.
        const before = batch.filter((e) => comparePositions(e.position, error.position) < 0);
        if (before.length > 0) await this.apply(before);
        throw error;
      }
      if (batch.length === 1) throw new UnappliableEvent(batch[0]!, error);
      this.onError(error);
      for (const event of batch) await this.apply([event]);
    }
    this.failures = 0;
  }

  private async applyOnce(batch: StoredEvent[]): Promise<void> {
    const started = performance.now();
    await inTransaction(
      this.dataSource,
      async (runner) => {
        await applyEvents(runner, LIVE_SCHEMA, batch);
        await this.options.beforeCommit?.(runner, batch);
      },
      { lockApply: true },
    );
    this.pace.batch(batch.length);
    this.options.onBatch?.(batch.length, (performance.now() - started) / 1000);
    if (batch.length >= (this.options.batchSize ?? 500)) await this.checkBehind(batch.at(-1)!.position);
  }

  /**
   * After a full batch (a backlog is being read), at most once a second: when the log is catchUpThreshold events or
   * more ahead, stops the subscription after this batch so that a catch-up takes the rest.
   */
  private async checkBehind(position: string): Promise<void> {
    const threshold = this.options.catchUpThreshold ?? CATCH_UP_THRESHOLD;
    const now = performance.now();
    if (!Number.isFinite(threshold) || now - this.lastBehindCheck < 1000) return;
    if (this.liveUntil && comparePositions(position, this.liveUntil) < 0) return;
    this.lastBehindCheck = now;
    try {
      const head = await this.store.head();
      if (head === null || !this.store.countBetween) return;
      if ((await this.store.countBetween(position, head, threshold)) < threshold) return;
    } catch {
      return; // the batch is applied; the next full one looks again
    }
    this.behind = true;
    void this.subscription?.stop();
  }

  /** Tells a version refusal once (until the versions change or projection resumes). */
  private refuse(mismatch: ProjectionVersionMismatch): void {
    if (this.refused === mismatch.message) return;
    this.refused = mismatch.message;
    this.onNotice(mismatch.message);
  }
}

/** Whether `policy` re-derives read models of the mismatching version. */
function rebuildsOn(mismatch: ProjectionVersionMismatch, policy: VersionMismatchPolicy): boolean {
  if (policy !== 'upgrade') return policy === 'rebuild';
  const { stored, code } = mismatch;
  return stored.projection <= code.projection && stored.snapshot <= code.snapshot;
}

/**
 * SQLSTATEs worth retrying unchanged: serialisation failure, deadlock, lock not available, statement timeout (a
 * batch waiting behind verify's comparison, say), insufficient resources.
 */
const RETRYABLE_SQLSTATE = /^(40001|40P01|55P03|57014|53\d{3})$/;

/** A failure that says nothing about the events: the database away, slow or contended. Retried with backoff. */
function isTransient(error: unknown): boolean {
  if (isUnavailable(error)) return true;
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  return [code, driverError?.code].some((c) => typeof c === 'string' && RETRYABLE_SQLSTATE.test(c));
}
