// The EventStoreDB adapter (@eventstore/db-client 6). What it cannot promise, and why, is in README.md, "EventStoreDB".
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Position as EsdbPosition,
} from '@eventstore/db-client';
import type {
  AppendRequest,
  AppendResult,
  BatchHandler,
  EventStore,
  Position,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { WrongExpectedVersion } from '../errors';
import { assertDistinctCommandIds, assertValidExpected, comparePositions, versionMatches } from '../position';
import { commandEventId } from './command-event-id';
import { EsdbSubscription } from './eventstoredb-subscription';
import { fromEsdbPosition, toEsdbPosition } from './esdb-position';
import { toRevision, toStoredEvent, toWrongExpectedVersion } from './esdb-mapping';

/** How to reach EventStoreDB and which streams are this service's. */
export interface EventStoreDbOptions {
  connectionString: string;
  /** Stream-name prefixes of this service (e.g. ['enterprise-', 'targets']); readAll/head/subscribe see only these. */
  streamPrefixes: string[];
  /** Prefix of the per-command marker streams (default 'event-store-command-'); never one of `streamPrefixes`. */
  commandStreamPrefix?: string;
}

/** How far back an append looks for its own events when a retried command finds no marker (see README). */
const READ_BACK = 50;
const PAGE = 500;
/** How many streams `readStreams` reads at once. */
const READ_STREAMS_CONCURRENCY = 16;

interface CommandMarker {
  streamId: string;
  firstVersion: number;
  eventCount: number;
  nextVersion: number;
}

/** The marker event that records a command id's first result (its own stream, written with NO_STREAM). */
export function commandMarkerEvent(commandId: string, marker: CommandMarker) {
  return jsonEvent({ id: commandEventId(commandId, 'marker'), type: 'CommandRecorded', data: { ...marker } });
}

/** The EventStoreDB adapter; positions are $all (commit, prepare) pairs packed into one decimal (esdb-position.ts). */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly prefixes: string[];
  private readonly commandPrefix: string;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(options: EventStoreDbOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.prefixes = options.streamPrefixes;
    this.commandPrefix = options.commandStreamPrefix ?? 'event-store-command-';
    if (this.prefixes.some((p) => this.commandPrefix.startsWith(p))) {
      throw new Error(`command stream prefix ${this.commandPrefix} must not fall under the service's stream prefixes`);
    }
  }

  /** True for this service's streams (not system streams, not command markers). */
  ours(streamId: string): boolean {
    if (streamId.startsWith('$') || streamId.startsWith(this.commandPrefix)) return false;
    return this.prefixes.length === 0 || this.prefixes.some((p) => streamId.startsWith(p));
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    assertValidExpected(request.expected);
    const { streamId, expected, commandId } = request;
    if (commandId !== undefined) {
      const first = (await this.findCommand(commandId)) ?? (await this.recoverCommand(request));
      if (first) return first;
    }
    if (request.events.length === 0) return this.appendNothing(request);
    const events = request.events.map((e, i) =>
      jsonEvent({
        id: commandId === undefined ? e.eventId : commandEventId(commandId, i),
        type: e.type,
        data: e.data,
        metadata: e.metadata,
      }),
    );
    let nextVersion: number;
    try {
      const written = await this.client.appendToStream(streamId, events, { expectedRevision: toRevision(expected) });
      nextVersion = Number(written.nextExpectedRevision);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // The same command, racing us, may have won: then this is its duplicate, not a clash.
      const first = commandId === undefined ? null : await this.findCommand(commandId);
      if (first) return first;
      throw toWrongExpectedVersion(error, expected);
    }
    const firstVersion = nextVersion - events.length + 1;
    const stored = await this.readStream(streamId, { fromVersion: firstVersion, toVersion: nextVersion });
    const result: AppendResult = {
      streamId,
      events: stored,
      nextVersion,
      position: stored[stored.length - 1]?.position ?? null,
      duplicate: false,
    };
    if (commandId === undefined) return result;
    return (
      (await this.recordCommand(commandId, { streamId, firstVersion, eventCount: events.length, nextVersion })) ??
      result
    );
  }

  /** NOT atomic across streams: EventStoreDB has no multi-stream transaction. Requests run in order; a failure
   * leaves the earlier ones written (retry with the same command ids to finish an import). */
  async appendMany(requests: AppendRequest[]): Promise<AppendResult[]> {
    assertDistinctCommandIds(requests);
    const results: AppendResult[] = [];
    for (const request of requests) results.push(await this.append(request));
    return results;
  }

  async readStream(
    streamId: string,
    options: ReadStreamOptions & { fromVersion?: number } = {},
  ): Promise<StoredEvent[]> {
    const from = options.fromVersion ?? 0;
    const events: StoredEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: from === 0 ? START : BigInt(from),
        direction: FORWARDS,
        ...(options.toVersion === undefined ? {} : { maxCount: BigInt(Math.max(options.toVersion - from + 1, 0)) }),
      });
      for await (const resolved of read) {
        const event = toStoredEvent(resolved);
        if (!event) continue;
        if (options.recordedUpTo && event.recordedAt.getTime() > options.recordedUpTo.getTime()) break;
        events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * No multi-stream read in EventStoreDB: one readStream per stream, at most READ_STREAMS_CONCURRENCY at a time
   * (enough to hide the round trips without flooding the gRPC channel).
   */
  async readStreams(streamIds: string[]): Promise<Map<string, StoredEvent[]>> {
    const ids = [...new Set(streamIds)];
    const streams = new Map<string, StoredEvent[]>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++]!;
        streams.set(id, await this.readStream(id));
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_STREAMS_CONCURRENCY, ids.length) }, worker));
    return new Map(ids.map((id) => [id, streams.get(id)!]));
  }

  async streamVersion(streamId: string): Promise<number | null> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: END,
        direction: BACKWARDS,
        maxCount: 1,
      })) {
        if (resolved.event) return Number(resolved.event.revision);
      }
      return null;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
  }

  async findCommand(commandId: string): Promise<AppendResult | null> {
    const [marker] = await this.readStream(this.commandPrefix + commandId, { toVersion: 0 });
    if (!marker) return null;
    const { streamId, firstVersion, eventCount, nextVersion } = marker.data as unknown as CommandMarker;
    const events =
      eventCount === 0
        ? []
        : await this.readStream(streamId, { fromVersion: firstVersion, toVersion: firstVersion + eventCount - 1 });
    return { streamId, events, nextVersion, position: events[events.length - 1]?.position ?? null, duplicate: true };
  }

  async readAll(from: Position | null, limit: number): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    let cursor: Position | null = from;
    for (;;) {
      let seen = 0;
      const read = this.client.readAll({
        fromPosition: this.readPosition(cursor),
        direction: FORWARDS,
        maxCount: PAGE,
      });
      for await (const resolved of read) {
        seen++;
        const event = toStoredEvent(resolved);
        if (!event || comparePositions(event.position, cursor) <= 0) continue; // the start position is inclusive
        cursor = event.position;
        if (!this.ours(event.streamId)) continue;
        out.push(event);
        if (out.length === limit) return out;
      }
      if (seen < PAGE) return out;
    }
  }

  async head(): Promise<Position | null> {
    const last = await this.lastEvent();
    return last ? fromEsdbPosition(last.position) : null;
  }

  /** The last event of this service's streams in $all (null: none), read backwards past system and marker events. */
  async lastEvent(): Promise<AllStreamResolvedEvent['event'] | null> {
    let cursor: EsdbPosition | typeof END = END;
    for (;;) {
      let seen = 0;
      const read = this.client.readAll({ fromPosition: cursor, direction: BACKWARDS, maxCount: PAGE });
      for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
        seen++;
        const event: AllStreamResolvedEvent['event'] = resolved.event;
        if (!event) continue;
        if (this.ours(event.streamId)) return event;
        cursor = event.position;
      }
      if (seen < PAGE) return null;
    }
  }

  subscribe(from: Position | null, handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    const subscription: EsdbSubscription = new EsdbSubscription(
      (checkpoint) =>
        this.client.subscribeToAll({
          fromPosition: this.readPosition(checkpoint),
          ...(this.prefixes.length === 0 ? {} : { filter: streamNameFilter({ prefixes: this.prefixes }) }),
        }),
      (streamId) => this.ours(streamId),
      from,
      handler,
      options,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  /** Where to read $all from: the (commit, prepare) pair packed in the position (reads include it; callers skip it). */
  private readPosition(position: Position | null): EsdbPosition | typeof START {
    return position === null ? START : toEsdbPosition(position);
  }

  private async appendNothing(request: AppendRequest): Promise<AppendResult> {
    const current = await this.streamVersion(request.streamId);
    if (!versionMatches(request.expected, current)) {
      throw new WrongExpectedVersion(request.streamId, request.expected, current);
    }
    const result: AppendResult = {
      streamId: request.streamId,
      events: [],
      nextVersion: current ?? -1,
      position: null,
      duplicate: false,
    };
    if (request.commandId === undefined) return result;
    const marker = {
      streamId: request.streamId,
      firstVersion: result.nextVersion + 1,
      eventCount: 0,
      nextVersion: result.nextVersion,
    };
    return (await this.recordCommand(request.commandId, marker)) ?? result;
  }

  /** Writes the command's marker; returns the first result instead when another append recorded the command first. */
  private async recordCommand(commandId: string, marker: CommandMarker): Promise<AppendResult | null> {
    try {
      await this.client.appendToStream(this.commandPrefix + commandId, commandMarkerEvent(commandId, marker), {
        expectedRevision: NO_STREAM,
      });
      return null;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      return this.findCommand(commandId);
    }
  }

  /**
   * An earlier attempt of this command may have written its events and died before its marker: look for its first
   * event id near the end of the stream and, if there, record the marker now and answer as a duplicate.
   */
  private async recoverCommand(request: AppendRequest): Promise<AppendResult | null> {
    const { commandId, streamId, events } = request;
    if (commandId === undefined || events.length === 0) return null;
    const tail: { id: string; version: number }[] = [];
    try {
      const read = this.client.readStream(streamId, { fromRevision: END, direction: BACKWARDS, maxCount: READ_BACK });
      for await (const resolved of read) {
        if (resolved.event) tail.unshift({ id: resolved.event.id, version: Number(resolved.event.revision) });
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
    const start = tail.findIndex((e) => e.id === commandEventId(commandId, 0));
    const first = tail[start];
    if (!first) return null;
    let eventCount = 1;
    while (tail[start + eventCount]?.id === commandEventId(commandId, eventCount)) eventCount++;
    const marker = {
      streamId,
      firstVersion: first.version,
      eventCount,
      nextVersion: first.version + eventCount - 1,
    };
    await this.recordCommand(commandId, marker);
    return this.findCommand(commandId);
  }
}
