import type {
  AppendRequest,
  AppendResult,
  BatchHandler,
  EventStore,
  Position,
  ReadByStreamOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { WrongExpectedVersion } from '../errors';
import { assertDistinctCommandIds, assertValidExpected, comparePositions, versionMatches } from '../position';
import { PollingSubscription } from '../polling-subscription';

/** Copies data out so that callers cannot change what the store holds (as with a real database). */
function copy(event: StoredEvent): StoredEvent {
  return structuredClone(event);
}

/** An event store in memory, for fast domain tests only: same contract, no durability. */
export class InMemoryEventStore implements EventStore {
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly commands = new Map<string, AppendResult>();
  private readonly subscriptions = new Set<PollingSubscription>();

  async append(request: AppendRequest): Promise<AppendResult> {
    const [result] = await this.appendMany([request]);
    return result!;
  }

  async appendMany(requests: AppendRequest[]): Promise<AppendResult[]> {
    assertDistinctCommandIds(requests);
    // Check everything first, then write: all or nothing, and nothing can interleave (no await in between).
    const versions = new Map<string, number>();
    const plans = requests.map((request) => {
      assertValidExpected(request.expected);
      const first = request.commandId === undefined ? undefined : this.commands.get(request.commandId);
      if (first) return { request, duplicate: first };
      const current = versions.get(request.streamId) ?? this.currentVersion(request.streamId);
      if (!versionMatches(request.expected, current)) {
        throw new WrongExpectedVersion(request.streamId, request.expected, current);
      }
      versions.set(request.streamId, (current ?? -1) + request.events.length);
      return { request, duplicate: undefined };
    });
    const results = plans.map(({ request, duplicate }) =>
      duplicate ? structuredClone(duplicate) : this.write(request),
    );
    if (results.some((r) => !r.duplicate && r.events.length > 0)) for (const s of this.subscriptions) s.wakeup.notify();
    return results;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return (this.streams.get(streamId) ?? [])
      .filter((e) => options.toVersion === undefined || e.version <= options.toVersion)
      .filter((e) => options.recordedUpTo === undefined || e.recordedAt.getTime() <= options.recordedUpTo.getTime())
      .map(copy);
  }

  async readStreams(streamIds: string[]): Promise<Map<string, StoredEvent[]>> {
    return new Map(streamIds.map((id) => [id, (this.streams.get(id) ?? []).map(copy)]));
  }

  async streamVersion(streamId: string): Promise<number | null> {
    return this.currentVersion(streamId);
  }

  async findCommand(commandId: string): Promise<AppendResult | null> {
    const first = this.commands.get(commandId);
    return first ? { ...structuredClone(first), duplicate: true } : null;
  }

  async readAll(from: Position | null, limit: number): Promise<StoredEvent[]> {
    const start = from === null ? 0 : Number(from); // positions are 1, 2, 3…: the event at `from` has index from - 1
    return this.log.slice(start, start + limit).map(copy);
  }

  async readRecordedAfter(after: Date, upTo: Position, limit: number): Promise<StoredEvent[]> {
    return this.log
      .filter((e) => e.recordedAt.getTime() > after.getTime() && comparePositions(e.position, upTo) <= 0)
      .slice(0, limit)
      .map(copy);
  }

  async *readByStream(upTo: Position, options: ReadByStreamOptions = {}): AsyncGenerator<StoredEvent[]> {
    const ids = [...this.streams.keys()]
      .filter((id) => (options.fromStream ?? id) <= id && (options.toStream === undefined || id < options.toStream))
      .sort();
    const events = ids.flatMap((id) => this.streams.get(id)!.filter((e) => comparePositions(e.position, upTo) <= 0));
    const size = options.pageSize ?? 10_000;
    for (let i = 0; i < events.length; i += size) yield events.slice(i, i + size).map(copy);
  }

  async head(): Promise<Position | null> {
    return this.log[this.log.length - 1]?.position ?? null;
  }

  subscribe(from: Position | null, handler: BatchHandler, options?: SubscribeOptions): Subscription {
    const subscription: PollingSubscription = new PollingSubscription(this, from, handler, options, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private currentVersion(streamId: string): number | null {
    const events = this.streams.get(streamId);
    return events && events.length > 0 ? events.length - 1 : null;
  }

  private write(request: AppendRequest): AppendResult {
    const stream = this.streams.get(request.streamId) ?? [];
    this.streams.set(request.streamId, stream);
    const recordedAt = new Date();
    const events = request.events.map((e): StoredEvent => {
      const stored: StoredEvent = {
        streamId: request.streamId,
        version: stream.length,
        position: String(this.log.length + 1),
        eventId: e.eventId,
        type: e.type,
        data: structuredClone(e.data),
        metadata: structuredClone(e.metadata),
        recordedAt,
      };
      stream.push(stored);
      this.log.push(stored);
      return stored;
    });
    const result: AppendResult = {
      streamId: request.streamId,
      events: events.map(copy),
      nextVersion: stream.length - 1,
      position: events[events.length - 1]?.position ?? null,
      duplicate: false,
    };
    if (request.commandId !== undefined) this.commands.set(request.commandId, { ...result, duplicate: true });
    return result;
  }
}
