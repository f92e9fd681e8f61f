import {
  type AppendRequest,
  type AppendResult,
  type BatchHandler,
  type EventStore,
  type Position,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedVersion,
} from '@cl/event-store';
import type { MetricsRecorder, PoolUsage } from '@cl/platform';

/** An EventStore whose appends are timed into the metrics (by outcome); everything else passes through. */
export class MeasuredEventStore implements EventStore {
  readonly countBetween?: EventStore['countBetween'];
  readonly readByStream?: EventStore['readByStream'];
  readonly readRecordedAfter?: EventStore['readRecordedAfter'];
  readonly splitStreams?: EventStore['splitStreams'];
  readonly connection?: EventStore['connection'];

  constructor(
    private readonly inner: EventStore & { poolUsage?: () => PoolUsage },
    private readonly metrics: MetricsRecorder,
  ) {
    if (inner.countBetween) this.countBetween = inner.countBetween.bind(inner);
    // A rebuild reads stream by stream, in parallel, where the inner store can.
    if (inner.readByStream) this.readByStream = inner.readByStream.bind(inner);
    if (inner.splitStreams) this.splitStreams = inner.splitStreams.bind(inner);
    // knownAt finds what was recorded after a moment by the inner store's index, not by reading the whole log.
    if (inner.readRecordedAfter) this.readRecordedAfter = inner.readRecordedAfter.bind(inner);
    if (inner.connection) this.connection = inner.connection.bind(inner);
  }

  /** The inner store's pool, when it has one (PostgreSQL). */
  poolUsage(): PoolUsage | undefined {
    return this.inner.poolUsage?.();
  }

  append(request: AppendRequest): Promise<AppendResult> {
    return this.timed(1, () => this.inner.append(request));
  }

  appendMany(requests: AppendRequest[]): Promise<AppendResult[]> {
    return this.timed(requests.length, () => this.inner.appendMany(requests));
  }

  private async timed<T>(streams: number, append: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const result = await append();
      this.metrics.append(seconds(), 'ok', streams);
      return result;
    } catch (error) {
      this.metrics.append(seconds(), error instanceof WrongExpectedVersion ? 'version_clash' : 'error', streams);
      throw error;
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.inner.readStream(streamId, options);
  }
  readStreams(streamIds: string[]): Promise<Map<string, StoredEvent[]>> {
    return this.inner.readStreams(streamIds);
  }
  streamVersion(streamId: string): Promise<number | null> {
    return this.inner.streamVersion(streamId);
  }
  findCommand(commandId: string): Promise<AppendResult | null> {
    return this.inner.findCommand(commandId);
  }
  readAll(from: Position | null, limit: number): Promise<StoredEvent[]> {
    return this.inner.readAll(from, limit);
  }
  head(): Promise<Position | null> {
    return this.inner.head();
  }
  subscribe(from: Position | null, handler: BatchHandler, options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(from, handler, options);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
