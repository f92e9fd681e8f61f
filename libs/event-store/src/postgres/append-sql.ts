// The SQL of the PostgreSQL adapter. `appendWithinTransaction` runs inside a transaction its caller opened, so that
// tests can hold one open on purpose; PostgresEventStore wraps it in BEGIN/COMMIT with retries and error mapping.
import type { ClientBase } from 'pg';
import type { AppendRequest, AppendResult, Position, StoredEvent } from '../event-store';
import { InvalidAppend, WrongExpectedVersion } from '../errors';
import { versionMatches } from '../position';

/** The LISTEN/NOTIFY channel an append notifies when it commits. */
export const NOTIFY_CHANNEL = 'cl_event_store';
/** The low 20 bits of a position number the events of one transaction. */
export const MAX_EVENTS_PER_TRANSACTION = 1 << 20;

type Queryable = Pick<ClientBase, 'query'>;

interface EventRow {
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}

export const EVENT_COLUMNS =
  'global_position::text AS position, stream_id, stream_version, event_id::text AS event_id, type, data, metadata, recorded_at';

/**
 * Settled events only: every transaction with an id below the snapshot's xmin has ended, and positions start with
 * the transaction id, so no event below this bound can still appear. README.md, "Ordering", says why this is enough.
 */
export const SETTLED_BOUND = '(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20)';

const INSERT_EVENTS = `
  INSERT INTO events (global_position, stream_id, stream_version, event_id, type, data, metadata)
  SELECT (pg_current_xact_id()::text::bigint << 20) | ($3::bigint + e.ord - 1),
         $1, $2::int + (e.ord - 1)::int, (e.value->>'eventId')::uuid, e.value->>'type', e.value->'data', e.value->'metadata'
  FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(value, ord)
  RETURNING ${EVENT_COLUMNS}`;

/** Maps a row of `EVENT_COLUMNS` to a StoredEvent. */
export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    streamId: row.stream_id,
    version: row.stream_version,
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

/** The version of a stream's last event, null when it has none. */
export async function streamVersionWith(db: Queryable, streamId: string): Promise<number | null> {
  const { rows } = await db.query<{ v: number | null }>(
    'SELECT max(stream_version) AS v FROM events WHERE stream_id = $1',
    [streamId],
  );
  return rows[0]?.v ?? null;
}

/** The first result of a command id (duplicate: true), or null. */
export async function findCommandWith(db: Queryable, commandId: string): Promise<AppendResult | null> {
  const { rows } = await db.query<{
    stream_id: string;
    first_version: number;
    event_count: number;
    next_version: number;
  }>('SELECT stream_id, first_version, event_count, next_version FROM event_commands WHERE command_id = $1', [
    commandId,
  ]);
  const command = rows[0];
  if (!command) return null;
  const events = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 AND stream_version < $3
     ORDER BY stream_version`,
    [command.stream_id, command.first_version, command.first_version + command.event_count],
  );
  const stored = events.rows.map(toStoredEvent);
  return {
    streamId: command.stream_id,
    events: stored,
    nextVersion: command.next_version,
    position: stored[stored.length - 1]?.position ?? null,
    duplicate: true,
  };
}

/**
 * Writes the requests in the caller's open transaction and notifies subscribers at its commit.
 * A command id is claimed first, so an identical command racing this one waits for it and then sees it as a duplicate.
 * Throws WrongExpectedVersion when a stream is not at its expected version (the caller must roll back); a racing
 * writer shows up as a raw unique violation (23505) that the caller maps after rolling back.
 */
export async function appendWithinTransaction(db: Queryable, requests: AppendRequest[]): Promise<AppendResult[]> {
  const total = requests.reduce((n, r) => n + r.events.length, 0);
  if (total > MAX_EVENTS_PER_TRANSACTION) {
    throw new InvalidAppend(`${total} events in one transaction; at most ${MAX_EVENTS_PER_TRANSACTION}`);
  }
  const results: AppendResult[] = [];
  let index = 0;
  for (const request of requests) {
    if (request.commandId !== undefined) {
      const claim = await db.query(
        `INSERT INTO event_commands (command_id, stream_id, first_version, event_count, next_version)
         VALUES ($1, $2, 0, 0, -1) ON CONFLICT (command_id) DO NOTHING`,
        [request.commandId, request.streamId],
      );
      if (claim.rowCount === 0) {
        const first = await findCommandWith(db, request.commandId);
        if (!first) throw new Error(`command ${request.commandId} is claimed but not recorded`);
        results.push(first);
        continue;
      }
    }
    const current = await streamVersionWith(db, request.streamId);
    if (!versionMatches(request.expected, current)) {
      throw new WrongExpectedVersion(request.streamId, request.expected, current);
    }
    const firstVersion = (current ?? -1) + 1;
    let events: StoredEvent[] = [];
    if (request.events.length > 0) {
      const { rows } = await db.query<EventRow>(INSERT_EVENTS, [
        request.streamId,
        firstVersion,
        index,
        JSON.stringify(request.events.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata }))),
      ]);
      events = rows.map(toStoredEvent).sort((a, b) => a.version - b.version);
      index += events.length;
    }
    const nextVersion = firstVersion + events.length - 1;
    if (request.commandId !== undefined) {
      await db.query(
        'UPDATE event_commands SET first_version = $2, event_count = $3, next_version = $4 WHERE command_id = $1',
        [request.commandId, firstVersion, events.length, nextVersion],
      );
    }
    const position: Position | null = events[events.length - 1]?.position ?? null;
    results.push({ streamId: request.streamId, events, nextVersion, position, duplicate: false });
  }
  if (index > 0) await db.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, '']);
  return results;
}
