// The event-store port: generic, it knows nothing of the domain. Adapters: postgres/, eventstoredb/, in-memory/.

/** A global log position: a decimal string of a 64-bit integer; compare with `comparePositions`, never as text. */
export type Position = string;

/** 'NO_STREAM': the stream must not exist; 'ANY': no check; a number: the version of the stream's last event (0-based). */
export type ExpectedVersion = 'NO_STREAM' | 'ANY' | number;

/**
 * An event to append; `eventId` is a UUID chosen by the caller. `data` and `metadata` are JSON values: the store
 * keeps what JSON.stringify makes of them, and the events of an AppendResult may be these very objects (PostgreSQL
 * returns them rather than copies), so treat both as immutable once appended.
 */
export interface NewEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** An event as recorded: its stream version (0-based) and its global position. */
export interface StoredEvent {
  streamId: string;
  version: number;
  position: Position;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: Date;
}

/** Events for one stream, appended atomically if the stream is at `expected`; `commandId` makes the append idempotent. */
export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedVersion;
  commandId?: string;
}

/**
 * What an append wrote, or (duplicate: true) what the first append of the same command id wrote.
 * `nextVersion` is the stream's version after the append (pass it as `expected` next time; -1 for an empty stream);
 * `position` is the position of the last event written, null when none was.
 */
export interface AppendResult {
  streamId: string;
  events: StoredEvent[];
  nextVersion: number;
  position: Position | null;
  duplicate: boolean;
}

/** Options of `readStream`: stop at a version (inclusive) or at a recording time (inclusive). */
export interface ReadStreamOptions {
  toVersion?: number;
  recordedUpTo?: Date;
}

/** Options of `readByStream`. */
export interface ReadByStreamOptions {
  /** Only streams whose id is at least this. */
  fromStream?: string;
  /** Only streams whose id is below this. */
  toStream?: string;
  /** Most events per page (default 10,000). */
  pageSize?: number;
}

/** A store's connection as plain data (see EventStore.connection); `kind` names the adapter. */
export interface StoreConnection {
  readonly kind: 'postgres';
  /** node-postgres connection settings (no pool size, no functions). */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** Options of `subscribe`. */
export interface SubscribeOptions {
  /** Most events per handler call (default 500). */
  batchSize?: number;
  /** Polling interval when no notification arrives, in ms (default 500). */
  pollIntervalMs?: number;
  /**
   * Least time between the starts of two reads, in ms (default 0), except while a backlog is read (the last batch
   * was full): under a steady stream of appends the handler then gets one batch per interval instead of one per
   * commit. The first read after a quiet spell (no read for that long) is not delayed. Honoured by the polling
   * adapters (PostgreSQL, in-memory); the EventStoreDB subscription hands over what its stream has buffered.
   */
  minReadIntervalMs?: number;
  /** Told about transient errors (e.g. a lost connection) that the subscription survives by retrying. */
  onError?: (error: unknown) => void;
}

/** A running subscription. */
export interface Subscription {
  /** Stops after the batch in hand (if any) has been handled. */
  stop(): Promise<void>;
  /** Resolves when stopped; rejects with the handler's error if the handler threw (the subscription then stops). */
  readonly finished: Promise<void>;
}

/** Called with each batch, in global order; the next batch waits until the returned promise resolves. */
export type BatchHandler = (batch: StoredEvent[]) => Promise<void>;

/** The event-store port. */
export interface EventStore {
  /** Appends one stream's events atomically; throws WrongExpectedVersion on a version clash. */
  append(request: AppendRequest): Promise<AppendResult>;
  /** Appends to many streams in one transaction, all or nothing where the adapter can (not EventStoreDB). */
  appendMany(requests: AppendRequest[]): Promise<AppendResult[]>;
  /** Reads one stream in version order; [] when it does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /**
   * Reads many streams at once (one query where the adapter can): each in version order, keyed by stream id; every
   * id asked for is in the map, with [] when its stream does not exist.
   */
  readStreams(streamIds: string[]): Promise<Map<string, StoredEvent[]>>;
  /** The version of the stream's last event, null when the stream does not exist. */
  streamVersion(streamId: string): Promise<number | null>;
  /** The first result of a command id (duplicate: true), null when the id is unknown. */
  findCommand(commandId: string): Promise<AppendResult | null>;
  /** Up to `limit` events after `from` (exclusive; null = from the start), in global order, settled events only. */
  readAll(from: Position | null, limit: number): Promise<StoredEvent[]>;
  /** The position of the last settled event, null when the log is empty. */
  head(): Promise<Position | null>;
  /**
   * How many events lie after `from` (exclusive) up to `upTo` (inclusive), counting at most `limit`; optional:
   * adapters that can count without reading the events (PostgreSQL) offer it, callers fall back to readAll.
   */
  countBetween?(from: Position | null, upTo: Position, limit: number): Promise<number>;
  /**
   * Up to `limit` events recorded after `after` (exclusive) and at or before `upTo` (a settled position), in global
   * order. Optional: adapters with an index on the recording time (PostgreSQL) offer it; callers fall back to
   * readAll. What the ledger learned after a moment (a cohort "as known at" it) costs what was learned since.
   */
  readRecordedAfter?(after: Date, upTo: Position, limit: number): Promise<StoredEvent[]>;
  /**
   * Every event at or before `upTo` (a settled position: `head()` or a checkpoint), grouped by stream: one stream after
   * another (ascending ids, in the store's own order of text), each in version order, in pages of up to `pageSize` events
   * (a stream may span pages; once another stream's event comes, the one before is complete). With `fromStream` /
   * `toStream` only ids from fromStream (inclusive) to toStream (exclusive) in that order. Optional: for whoever folds the whole log one stream at a time
   * (a rebuild holds one stream's state, not the cohort's); adapters that cannot read in stream order leave it out
   * and callers fall back to readAll.
   */
  readByStream?(upTo: Position, options?: ReadByStreamOptions): AsyncIterable<StoredEvent[]>;
  /**
   * Stream ids that cut the log up to `upTo` into about `parts` ranges of about as many events each, ascending (the
   * `fromStream`/`toStream` bounds of readByStream; fewer where the log is small, [] when it is empty). Estimated from a
   * sample where the log is large. Optional, with readByStream: for whoever folds the log in parallel.
   */
  splitStreams?(parts: number, upTo: Position): Promise<string[]>;
  /**
   * How another thread can open its own connection to this store (`openStoreConnection`), as plain data that a
   * `postMessage` carries; absent (or null) where the store lives only in this thread (in memory).
   */
  connection?(): StoreConnection | null;
  /** Delivers every event after `from` (exclusive) exactly once, in global order, then follows new ones. */
  subscribe(from: Position | null, handler: BatchHandler, options?: SubscribeOptions): Subscription;
  /** Stops subscriptions and releases connections the store opened itself. */
  close(): Promise<void>;
}
