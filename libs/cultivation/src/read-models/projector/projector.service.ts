// The projection worker. Every instance is a candidate; the one holding the leader lock subscribes to
// the log from the stored checkpoint and applies each batch plus the checkpoint in one transaction.
// Standbys retry every `retryMs`; a leader whose lock connection dies steps down (the APPLY lock
// taken per batch keeps even an overlapping old leader from interleaving writes). Read models written
// by another projection version are refused (one log line, projectionStatus says so) or, when
// configured, rebuilt by this code before it projects.
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Wakeup, type EventStore, type StoredEvent, type Subscription } from '@cl/event-store';
import type { Logger } from 'pino';
import type { DataSource, QueryRunner } from 'typeorm';
import { applyEvents } from '../projection/apply-events';
import { readCheckpoint } from '../projection/checkpoint';
import { inTransaction } from '../projection/in-transaction';
import { ProjectionVersionMismatch, versionMismatch } from '../projection/versions';
import { rebuildReadModels, RebuildAlreadyRunning } from '../rebuild/rebuild';
import { LIVE_SCHEMA } from '../schema';
import { LeaderLock } from './leader-lock';

/** What a projector does when the live read models were written by another projection version. */
export type VersionMismatchPolicy = 'refuse' | 'rebuild';

export interface ProjectorOptions {
  /** Events per transaction (default 500). */
  batchSize?: number;
  /** How often a standby tries for the lock and a leader checks it still has it, in ms (default 3000). */
  retryMs?: number;
  /** Poll interval of the subscription when no notification arrives (default 500). */
  pollIntervalMs?: number;
  /** Start on application bootstrap when used as a Nest provider (default true). */
  autoStart?: boolean;
  /** Told about errors the worker survives (a failed batch, a lost connection); default: logged as errors. */
  onError?: (error: unknown) => void;
  /**
   * On read models of another projection or snapshot version: 'refuse' (default) applies nothing until
   * someone rebuilds; 'rebuild' rebuilds them with this code, then projects (PROJECTION_VERSION_MISMATCH).
   */
  onVersionMismatch?: VersionMismatchPolicy;
  /** Told once per refusal or rebuild, in one line (default: the logger's warn). */
  onNotice?: (message: string) => void;
  /** Told about each batch committed: its events and the seconds it took (the metrics). */
  onBatch?: (events: number, seconds: number) => void;
  /** Test hook: runs inside each batch's transaction just before commit. */
  beforeCommit?: (runner: QueryRunner, batch: StoredEvent[]) => Promise<void>;
}

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    logger: Pick<Logger, 'error'> & Partial<Pick<Logger, 'warn'>>,
    private readonly options: ProjectorOptions = {},
  ) {
    this.onError = options.onError ?? ((error) => logger.error({ err: error }, 'projector error; it retries'));
    this.onNotice =
      options.onNotice ??
      ((message) => (logger.warn ? logger.warn(`projector: ${message}`) : logger.error(`projector: ${message}`)));
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
        else this.onError(error);
      } finally {
        this.active = false;
        await lock?.release().catch(this.onError);
      }
      if (!this.stopping) await this.wakeup.wait(this.options.retryMs ?? 3000);
    }
  }

  /** Projects until stopped, until a batch fails (retried from the checkpoint later) or the lock is lost. */
  private async lead(lock: LeaderLock): Promise<void> {
    let checkpoint = await readCheckpoint(this.dataSource, LIVE_SCHEMA);
    const mismatch = versionMismatch(checkpoint);
    if (mismatch && (this.options.onVersionMismatch ?? 'refuse') === 'refuse') return this.refuse(mismatch);
    if (mismatch) {
      const { stored, code } = mismatch;
      this.onNotice(
        `rebuilding the read models (PROJECTION_VERSION_MISMATCH=rebuild): written by projection version ${stored.projection} ` +
          `(snapshot version ${stored.snapshot}), this code is ${code.projection} (snapshot version ${code.snapshot})`,
      );
      try {
        await rebuildReadModels(this.dataSource, this.store);
      } catch (error) {
        if (error instanceof RebuildAlreadyRunning) return; // someone else's rebuild: look again after retryMs
        throw error;
      }
      checkpoint = await readCheckpoint(this.dataSource, LIVE_SCHEMA);
    }
    this.refused = undefined;
    if (this.stopping) return; // stop() came during the rebuild, when there was no subscription to stop
    const { position } = checkpoint;
    const subscription = this.store.subscribe(position, (batch) => this.apply(batch), {
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
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
    } finally {
      clearInterval(watchdog);
      this.active = false;
      this.subscription = undefined;
    }
  }

  private async apply(batch: StoredEvent[]): Promise<void> {
    const started = performance.now();
    await inTransaction(
      this.dataSource,
      async (runner) => {
        await applyEvents(runner, LIVE_SCHEMA, batch);
        await this.options.beforeCommit?.(runner, batch);
      },
      { lockApply: true },
    );
    this.options.onBatch?.(batch.length, (performance.now() - started) / 1000);
  }

  /** Tells a version refusal once (until the versions change or projection resumes). */
  private refuse(mismatch: ProjectionVersionMismatch): void {
    if (this.refused === mismatch.message) return;
    this.refused = mismatch.message;
    this.onNotice(mismatch.message);
  }
}
