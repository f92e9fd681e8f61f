import { Pool, type PoolConfig } from 'pg';
import type {
  AppendRequest,
  AppendResult,
  BatchHandler,
  EventStore,
  Position,
  ReadByStreamOptions,
  ReadStreamOptions,
  StoreConnection,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { DuplicateEventId, WrongExpectedVersion } from '../errors';
import { assertDistinctCommandIds, assertValidExpected } from '../position';
import { PollingSubscription } from '../polling-subscription';
import {
  EVENT_COLUMNS,
  NOTIFY_CHANNEL,
  SETTLED_BOUND,
  appendWithinTransaction,
  findCommandWith,
  streamVersionWith,
  toStoredEvent,
} from './append-sql';
import { NotificationListener } from './notification-listener';
import { readByStreamWith } from './read-by-stream';
import { poolConnection, splitStreamsWith } from './split-streams';

/** How to reach PostgreSQL: a pool the caller owns, or a URL or connection settings (the store then owns its pool). */
export type PostgresEventStoreOptions = (
  | { pool: Pool }
  | {
      url: string;
      poolSize?: number;
      poolOptions?: Pick<PoolConfig, 'connectionTimeoutMillis' | 'statement_timeout' | 'keepAlive'>;
    }
  /** Connection settings as another store's `connection()` gives them (the store owns its pool). */
  | { connection: StoreConnection; poolSize?: number }
) & {
  /** Told about errors the store survives (the listener connection dropping, a failed poll). */
  onError?: (error: unknown) => void;
  /** Told each time an append's statement is run again after a concurrent writer (the metrics count these). */
  onRetry?: () => void;
};

const MAX_ATTEMPTS = 10;

function pgCode(error: unknown): { code?: string; constraint?: string; detail?: string } {
  return typeof error === 'object' && error !== null ? (error as { code?: string }) : {};
}

/** Cuts a stream at its first event recorded after `upTo`, so that an as-of read is always a prefix. */
function recordedUpTo(events: StoredEvent[], upTo: Date | undefined): StoredEvent[] {
  if (!upTo) return events;
  const cut = events.findIndex((e) => e.recordedAt.getTime() > upTo.getTime());
  return cut === -1 ? events : events.slice(0, cut);
}

/** The PostgreSQL adapter: `pg` directly; schema from CreateEventStore1764288000000; see README.md for ordering. */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly subscriptions = new Set<PollingSubscription>();
  private notifying: Promise<void> | undefined;
  private notifyAgain = false;
  private listener: NotificationListener | undefined;
  private readonly onError: (error: unknown) => void;
  private readonly onRetry: () => void;

  constructor(options: PostgresEventStoreOptions) {
    if ('pool' in options) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else {
      const settings: PoolConfig =
        'connection' in options
          ? (options.connection.settings as PoolConfig)
          : { connectionString: options.url, ...options.poolOptions };
      this.pool = new Pool({ ...settings, max: options.poolSize ?? 10 });
      this.ownsPool = true;
    }
    this.onError = options.onError ?? (() => undefined);
    this.onRetry = options.onRetry ?? (() => undefined);
    // An idle client that loses its server must not crash the process; the next query gets a fresh one.
    if (this.ownsPool) this.pool.on('error', this.onError);
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    const [result] = await this.appendMany([request]);
    return result!;
  }

  async appendMany(requests: AppendRequest[]): Promise<AppendResult[]> {
    assertDistinctCommandIds(requests);
    for (const r of requests) assertValidExpected(r.expected);
    for (let attempt = 1; ; attempt++) {
      try {
        // One statement, atomic on its own: no BEGIN/COMMIT round trips (append-sql.ts, APPEND).
        const results = await appendWithinTransaction(this.pool, requests);
        if (results.some((r) => !r.duplicate && r.events.length > 0)) this.notifySubscribers();
        return results;
      } catch (error) {
        const { code, constraint, detail } = pgCode(error);
        if (code === '23505' && constraint === 'events_event_id_key') throw new DuplicateEventId(detail ?? '');
        // A writer took a version after our snapshot, or an identical command id was recorded meanwhile: the
        // statement wrote nothing. Running it again sees that writer: a clash is then a typed WrongExpectedVersion,
        // the identical command a duplicate, and for ANY the append simply goes on the new version.
        const raced =
          code === '23505' && (constraint === 'events_stream_version_key' || constraint === 'event_commands_pkey');
        if ((raced || code === '40P01') && attempt < MAX_ATTEMPTS) {
          this.onRetry();
          continue; // 40P01: two appendMany deadlocked
        }
        if (code === '23505' && constraint === 'events_stream_version_key') {
          const any = requests.find((r) => r.expected === 'ANY') ?? requests[0]!;
          throw new WrongExpectedVersion(any.streamId, any.expected, await this.streamVersion(any.streamId));
        }
        throw error;
      }
    }
  }

  /** The connections of the store's pool (the metrics show them). */
  poolUsage(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND ($2::int IS NULL OR stream_version <= $2)
       ORDER BY stream_version`,
      [streamId, options.toVersion ?? null],
    );
    return recordedUpTo(rows.map(toStoredEvent), options.recordedUpTo);
  }

  /** One query for all the streams; every id asked for is in the map ([] when the stream does not exist). */
  async readStreams(streamIds: string[]): Promise<Map<string, StoredEvent[]>> {
    const streams = new Map<string, StoredEvent[]>(streamIds.map((id) => [id, []]));
    if (streams.size === 0) return streams;
    const { rows } = await this.pool.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version`,
      [[...streams.keys()]],
    );
    for (const row of rows) streams.get(row.stream_id)!.push(toStoredEvent(row));
    return streams;
  }

  streamVersion(streamId: string): Promise<number | null> {
    return streamVersionWith(this.pool, streamId);
  }

  findCommand(commandId: string): Promise<AppendResult | null> {
    return findCommandWith(this.pool, commandId);
  }

  async readAll(from: Position | null, limit: number): Promise<StoredEvent[]> {
    // The page is taken in index order first and cut at the settled bound after: with the bound inside the
    // scan the planner cannot see how many rows it spans and may read (and sort) the whole rest of the log
    // for every page. Positions are ordered, so what survives the cut is still a prefix of the log.
    const { rows } = await this.pool.query(
      `SELECT * FROM (
         SELECT ${EVENT_COLUMNS}, global_position AS gp FROM events WHERE global_position > $1
         ORDER BY global_position LIMIT $2) page
       WHERE gp < ${SETTLED_BOUND} ORDER BY gp`,
      [from ?? '-1', limit],
    );
    return rows.map(toStoredEvent);
  }

  async countBetween(from: Position | null, upTo: Position, limit: number): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM events WHERE global_position > $1 AND global_position <= $2 ORDER BY global_position LIMIT $3) x`,
      [from ?? '-1', upTo, limit],
    );
    return rows[0]?.n ?? 0;
  }

  async readRecordedAfter(after: Date, upTo: Position, limit: number): Promise<StoredEvent[]> {
    // events_recorded_at (EventsRecordedAt1764288000001) finds them without a scan of the log.
    const { rows } = await this.pool.query(
      `SELECT * FROM (
         SELECT ${EVENT_COLUMNS}, global_position AS gp FROM events WHERE recorded_at > $1 AND global_position <= $2
         ORDER BY recorded_at LIMIT $3) late
       ORDER BY gp`,
      [after, upTo, limit],
    );
    return rows.map(toStoredEvent);
  }

  readByStream(upTo: Position, options?: ReadByStreamOptions): AsyncIterable<StoredEvent[]> {
    return readByStreamWith(this.pool, upTo, options);
  }

  splitStreams(parts: number, upTo: Position): Promise<string[]> {
    return splitStreamsWith(this.pool, parts, upTo);
  }

  connection(): StoreConnection {
    return poolConnection(this.pool);
  }

  async head(): Promise<Position | null> {
    const { rows } = await this.pool.query<{ p: string | null }>(
      `SELECT max(global_position)::text AS p FROM events WHERE global_position < ${SETTLED_BOUND}`,
    );
    return rows[0]?.p ?? null;
  }

  /** True when events after `from` exist that are not settled yet (a transaction with a lower id is still open). */
  async hasUnsettledAfter(from: Position | null): Promise<boolean> {
    const { rows } = await this.pool.query<{ e: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM events WHERE global_position > $1) AS e',
      [from ?? '-1'],
    );
    return rows[0]?.e ?? false;
  }

  subscribe(from: Position | null, handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    const onError = options.onError ?? this.onError;
    const subscription: PollingSubscription = new PollingSubscription(
      this,
      from,
      handler,
      { ...options, onError },
      () => {
        this.subscriptions.delete(subscription);
        if (this.subscriptions.size === 0) void this.stopListening();
      },
    );
    this.subscriptions.add(subscription);
    this.startListening(options.pollIntervalMs ?? 500);
    return subscription;
  }

  /**
   * Wakes subscribers (in every process) after an append has committed. Sent as its own statement, outside the
   * append: a notify inside the appending transaction would hold the notification-queue lock through that
   * commit's WAL flush and serialise concurrent appends. At most one is in flight; appends meanwhile ask for one
   * more, since a subscriber re-reads everything after its checkpoint when woken. Polling covers a lost one.
   */
  private notifySubscribers(): void {
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = this.pool
      .query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, ''])
      .then(
        () => undefined,
        (error: unknown) => this.onError(error),
      )
      .finally(() => {
        this.notifying = undefined;
        if (this.notifyAgain) {
          this.notifyAgain = false;
          this.notifySubscribers();
        }
      });
  }

  async close(): Promise<void> {
    while (this.notifying) await this.notifying;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.stopListening();
    if (this.ownsPool) await this.pool.end();
  }

  private startListening(retryMs: number): void {
    if (this.listener) return;
    // A notification wakes every subscriber; so do (re)connecting and losing the connection (something may have
    // been missed: subscribers re-read from their checkpoint), and their polling covers the gap.
    const notifyAll = (): void => this.subscriptions.forEach((s) => s.wakeup.notify());
    const handlers = {
      notification: notifyAll,
      listening: notifyAll,
      lost: (error?: unknown) => {
        if (error) this.onError(error);
        notifyAll();
      },
    };
    this.listener = new NotificationListener(this.pool.options, NOTIFY_CHANNEL, handlers, retryMs);
    this.listener.start();
  }

  private async stopListening(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await listener?.stop();
  }
}
