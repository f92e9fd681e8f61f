import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { BatchHandler, Position, StoredEvent, SubscribeOptions, Subscription } from '../event-store';
import { comparePositions } from '../position';
import { toStoredEvent } from './esdb-mapping';

/** Longest wait between two attempts to resubscribe. */
const MAX_BACKOFF_MS = 10_000;

/**
 * A catch-up subscription to $all, delivered in batches of what the client has buffered. The handler is awaited
 * before more is read (the stream's back-pressure holds the server). When the gRPC stream fails (the connection
 * dropped, the server restarting, a leader change), it resubscribes from the last delivered position, waiting the
 * poll interval, then twice as long after each further failure (up to 10 s); events at or before that position
 * are dropped, so nothing is delivered twice and nothing is skipped.
 */
export class EsdbSubscription implements Subscription {
  readonly finished: Promise<void>;
  private stopped = false;
  /** Consecutive failures without an event delivered in between. */
  private failures = 0;
  private current: AllStreamSubscription | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly open: (from: Position | null) => AllStreamSubscription,
    private readonly ours: (streamId: string) => boolean,
    private checkpoint: Position | null,
    private readonly handler: BatchHandler,
    private readonly options: SubscribeOptions,
    onFinished: () => void,
  ) {
    this.finished = this.run().finally(onFinished);
    this.finished.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.finished.catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const subscription = this.open(this.checkpoint);
      this.current = subscription;
      try {
        await this.drain(subscription);
      } catch (error) {
        if (error instanceof HandlerFailed) throw error.cause;
        this.failures++;
        this.options.onError?.(error);
        const base = this.options.pollIntervalMs ?? 500;
        await this.sleep(Math.min(base * 2 ** Math.min(this.failures - 1, 10), Math.max(base, MAX_BACKOFF_MS)));
      } finally {
        this.current = undefined;
        await subscription.unsubscribe().catch(() => undefined);
      }
    }
  }

  private async drain(subscription: AllStreamSubscription): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    let failure: unknown;
    let ended = false;
    subscription.on('error', (error) => {
      failure = error;
      this.wake?.();
    });
    subscription.on('end', () => {
      ended = true;
      this.wake?.();
    });
    while (!this.stopped) {
      if (failure) throw failure;
      const raw: AllStreamResolvedEvent[] = [];
      let next: AllStreamResolvedEvent | null;
      while (raw.length < batchSize && (next = subscription.read() as AllStreamResolvedEvent | null) !== null)
        raw.push(next);
      const batch = raw
        .map(toStoredEvent)
        .filter(
          (e): e is StoredEvent => !!e && this.ours(e.streamId) && comparePositions(e.position, this.checkpoint) > 0,
        );
      const last = batch[batch.length - 1];
      if (last) {
        try {
          await this.handler(batch);
        } catch (error) {
          throw new HandlerFailed(error);
        }
        this.checkpoint = last.position;
        this.failures = 0;
      } else if (raw.length === 0) {
        if (ended) throw new Error('the $all subscription ended');
        await new Promise<void>((resolve) => {
          const done = (): void => {
            subscription.removeListener('readable', done);
            this.wake = undefined;
            resolve();
          };
          this.wake = done;
          subscription.on('readable', done);
        });
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

class HandlerFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('subscription handler failed');
  }
}
