// A consistent read of a whole PostgreSQL store, for backups and copies: one REPEATABLE READ, READ ONLY transaction
// on a connection of its own, read in keyset pages (never the whole log in memory). A read-only transaction takes no
// transaction id, so it holds back neither writers nor the subscriptions' settled bound (README, "Ordering").
import type { Pool, PoolClient } from 'pg';
import type { Position, StoredEvent } from '../event-store';
import type { CommandRecord } from '../transfer/log-transfer';
import { SETTLED_BOUND } from './append-sql';

/** An event as its row holds it: data and metadata as JSON text, the recording time as UTC ISO text (µs). */
export interface EventRowText {
  position: string;
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
}

/** A command record with its recording time (UTC ISO text). */
export interface CommandRowText extends CommandRecord {
  recordedAt: string;
}

const UTC_TEXT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const PAGE = 5_000;

/** The StoredEvent of a row read as text. */
export function parseEventRow(row: EventRowText): StoredEvent {
  return {
    streamId: row.streamId,
    version: row.version,
    position: row.position,
    eventId: row.eventId,
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    recordedAt: new Date(row.recordedAt),
  };
}

/** One snapshot of the `events` and `event_commands` tables. */
export class PostgresLogSnapshot {
  private constructor(private readonly client: PoolClient) {}

  static async open(pool: Pool): Promise<PostgresLogSnapshot> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return new PostgresLogSnapshot(client);
    } catch (error) {
      client.release();
      throw error;
    }
  }

  /** The last event in the snapshot (settled: only those no earlier transaction can still precede), null if none. */
  async head(settled: boolean): Promise<Position | null> {
    const { rows } = await this.client.query<{ p: string | null }>(
      `SELECT max(global_position)::text AS p FROM events${settled ? ` WHERE global_position < ${SETTLED_BOUND}` : ''}`,
    );
    return rows[0]?.p ?? null;
  }

  /** The position of an event id, null when the snapshot does not hold it. */
  async positionOf(eventId: string): Promise<Position | null> {
    const { rows } = await this.client.query<{ p: string }>(
      'SELECT global_position::text AS p FROM events WHERE event_id = $1',
      [eventId],
    );
    return rows[0]?.p ?? null;
  }

  /** How many events lie after `after` (exclusive, null: from the start) up to `upTo` (inclusive). */
  async count(after: Position | null, upTo: Position): Promise<number> {
    const { rows } = await this.client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE global_position > $1 AND global_position <= $2',
      [after ?? '-1', upTo],
    );
    return rows[0]?.n ?? 0;
  }

  /** The events after `after` (exclusive, null: from the start) up to `upTo` (inclusive), in position order. */
  async *events(after: Position | null, upTo: Position, pageSize = PAGE): AsyncGenerator<EventRowText[]> {
    let cursor = after ?? '-1';
    for (;;) {
      const { rows } = await this.client.query<EventRowText>(
        `SELECT global_position::text AS position, stream_id AS "streamId", stream_version AS version,
                event_id::text AS "eventId", type, data::text AS data, metadata::text AS metadata,
                to_char(recorded_at AT TIME ZONE 'UTC', ${UTC_TEXT}) AS "recordedAt"
         FROM events WHERE global_position > $1 AND global_position <= $2 ORDER BY global_position LIMIT $3`,
        [cursor, upTo, pageSize],
      );
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) return;
      cursor = rows[rows.length - 1]!.position;
    }
  }

  /**
   * Every command record in command-id order; with `upTo`, only those whose events are all at or before it (a
   * copy of the log up to `upTo` takes no record of a command whose events it does not take).
   */
  async *commands(upTo: Position | null, pageSize = PAGE): AsyncGenerator<CommandRowText[]> {
    let cursor: string | null = null;
    for (;;) {
      const { rows }: { rows: CommandRowText[] } = await this.client.query<CommandRowText>(
        `SELECT command_id AS "commandId", stream_id AS "streamId", first_version AS "firstVersion",
                event_count AS "eventCount", next_version AS "nextVersion",
                to_char(recorded_at AT TIME ZONE 'UTC', ${UTC_TEXT}) AS "recordedAt"
         FROM event_commands c
         WHERE ($1::text IS NULL OR c.command_id > $1)
           AND ($2::bigint IS NULL OR c.event_count = 0 OR EXISTS (
                 SELECT 1 FROM events e WHERE e.stream_id = c.stream_id AND e.stream_version = c.next_version
                                          AND e.global_position <= $2))
         ORDER BY c.command_id LIMIT $3`,
        [cursor, upTo, pageSize],
      );
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) return;
      cursor = rows[rows.length - 1]!.commandId;
    }
  }

  /** Ends the transaction and returns the connection. */
  async close(): Promise<void> {
    try {
      await this.client.query('COMMIT');
    } finally {
      this.client.release();
    }
  }
}
