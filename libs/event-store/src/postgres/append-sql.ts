// The SQL of the PostgreSQL adapter. An append of any number of streams is one statement (`appendWithinTransaction`),
// atomic on its own; PostgresEventStore runs it with retries and error mapping, and tests may run it inside a
// transaction they hold open on purpose (at most once per transaction: positions number the transaction's events).
import type { ClientBase } from 'pg';
import type { AppendRequest, AppendResult, Position, StoredEvent } from '../event-store';
import { InvalidAppend, WrongExpectedVersion } from '../errors';

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

/** The columns of an EventRow, of `events` under an alias (`e.`) or none. */
export function eventColumns(alias = ''): string {
  const a = alias === '' ? '' : `${alias}.`;
  return (
    `${a}global_position::text AS position, ${a}stream_id, ${a}stream_version, ${a}event_id::text AS event_id, ` +
    `${a}type, ${a}data, ${a}metadata, ${a}recorded_at`
  );
}

export const EVENT_COLUMNS = eventColumns();

/**
 * Settled events only: every transaction with an id below the snapshot's xmin has ended, and positions start with
 * the transaction id, so no event below this bound can still appear. README.md, "Ordering", says why this is enough.
 */
export const SETTLED_BOUND = '(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20)';

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

/** The first result of a command id (duplicate: true), or null; one query. */
export async function findCommandWith(db: Queryable, commandId: string): Promise<AppendResult | null> {
  const { rows } = await db.query<
    { next_version: number; command_stream: string } & { [K in keyof EventRow]: EventRow[K] | null }
  >(
    `SELECT c.next_version, c.stream_id AS command_stream, ${eventColumns('e')}
     FROM event_commands c
     LEFT JOIN events e ON e.stream_id = c.stream_id
                       AND e.stream_version >= c.first_version AND e.stream_version < c.first_version + c.event_count
     WHERE c.command_id = $1
     ORDER BY e.stream_version`,
    [commandId],
  );
  const command = rows[0];
  if (!command) return null;
  const stored = rows.filter((row) => row.position !== null).map((row) => toStoredEvent(row as EventRow));
  return {
    streamId: command.command_stream,
    events: stored,
    nextVersion: command.next_version,
    position: stored[stored.length - 1]?.position ?? null,
    duplicate: true,
  };
}

/** How `expected` travels to SQL: the version itself, or one of these. */
const EXPECT_ANY = -2;
const EXPECT_NO_STREAM = -1; // = the version of an empty stream's "last event"

/**
 * The whole of an append, for any number of streams, in ONE statement (README.md, "PostgreSQL"):
 *
 * - `known`: requests whose command id is already recorded are duplicates; their first results are read afterwards.
 * - `plan`: every other request's base = the version of its stream's last event before it (-1: none), from one read
 *   of the current versions plus the events of earlier requests on the same stream in this batch.
 * - `bad`: requests whose expectation does not hold. If there is any, nothing at all is written and they are
 *   returned (the caller throws WrongExpectedVersion).
 * - `claim`: records the command ids with their final result (no later update). An identical command racing us
 *   makes this insert wait for it and then fail on event_commands_pkey: the statement writes nothing and the caller
 *   runs it again, when the command is `known`. The events are inserted only after the claims (`ins` reads
 *   `claim`), so that race surfaces as that violation and not as any other.
 * - `ins`: every event of every request, numbered 0…n−1 across the transaction in request order, in one insert. A
 *   writer that took a version after our snapshot makes it fail on events_stream_version_key (versions are dense,
 *   so any such writer took base + 1).
 * - one pg_notify when anything was written (delivered at commit).
 *
 * Parameters: $1 stream ids, $2 expectations (EXPECT_ANY, EXPECT_NO_STREAM or a version), $3 command ids (or null),
 * $4 event counts, one entry per request; $5 the events as a JSON array of {r: request number from 1, o: index in
 * its request, i: event id, t: type, d: data, m: metadata}.
 */
const APPEND = `
  WITH req AS (
    SELECT q.r::int AS r, q.stream_id, q.expected, q.command_id, q.n
    FROM unnest($1::text[], $2::int[], $3::text[], $4::int[]) WITH ORDINALITY AS q(stream_id, expected, command_id, n, r)
  ),
  known AS (
    SELECT req.r FROM req JOIN event_commands c ON c.command_id = req.command_id
  ),
  live AS (
    SELECT req.* FROM req WHERE NOT EXISTS (SELECT 1 FROM known WHERE known.r = req.r)
  ),
  cur AS (
    SELECT s.stream_id, coalesce((SELECT max(e.stream_version) FROM events e WHERE e.stream_id = s.stream_id), -1) AS v
    FROM (SELECT DISTINCT stream_id FROM live) s
  ),
  plan AS (
    SELECT live.r, live.stream_id, live.expected, live.command_id, live.n,
           (cur.v + coalesce(sum(live.n) OVER (PARTITION BY live.stream_id ORDER BY live.r
                                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))::int AS base
    FROM live JOIN cur USING (stream_id)
  ),
  bad AS (
    SELECT r, base FROM plan WHERE expected <> ${EXPECT_ANY} AND expected <> base
  ),
  claim AS (
    INSERT INTO event_commands (command_id, stream_id, first_version, event_count, next_version)
    SELECT command_id, stream_id, base + 1, n, base + n FROM plan
    WHERE command_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bad)
    ORDER BY command_id
    RETURNING 1
  ),
  ins AS (
    INSERT INTO events (global_position, stream_id, stream_version, event_id, type, data, metadata)
    SELECT (pg_current_xact_id()::text::bigint << 20) | (row_number() OVER (ORDER BY x.r, x.o) - 1),
           p.stream_id, p.base + 1 + x.o, x.i, x.t, x.d, x.m
    FROM jsonb_to_recordset($5::jsonb) AS x(r int, o int, i uuid, t text, d jsonb, m jsonb)
    JOIN plan p ON p.r = x.r
    WHERE NOT EXISTS (SELECT 1 FROM bad) AND (SELECT count(*) FROM claim) >= 0
    RETURNING global_position, recorded_at
  ),
  notified AS (
    SELECT count(pg_notify('${NOTIFY_CHANNEL}', '')) AS n FROM (SELECT 1 FROM ins LIMIT 1) AS any_written
  )
  SELECT 'bad' AS k, r, base AS v, NULL::text AS p, NULL::timestamptz AS at FROM bad
  UNION ALL SELECT 'dup', r, NULL, NULL, NULL FROM known
  UNION ALL SELECT 'req', r, base, NULL, NULL FROM plan
  UNION ALL SELECT 'ev', NULL, NULL, global_position::text, recorded_at FROM ins
  UNION ALL SELECT 'notified', NULL, n::int, NULL, NULL FROM notified`;

interface AppendRow {
  k: 'bad' | 'dup' | 'req' | 'ev' | 'notified';
  r: number | null;
  v: number | null;
  p: string | null;
  at: Date | null;
}

const INDEX_MASK = BigInt(MAX_EVENTS_PER_TRANSACTION - 1);

/**
 * Writes the requests with one statement (APPEND above), which is atomic on its own, so it can run outside a
 * transaction or inside one the caller opened (tests hold one open on purpose); notifies subscribers at its commit.
 * Throws WrongExpectedVersion when a stream is not at its expected version (nothing is written). A writer racing
 * this one shows up as a raw unique violation (23505) on events_stream_version_key or, for an identical command
 * id, on event_commands_pkey: the statement wrote nothing, and running it again gives the right answer
 * (WrongExpectedVersion or the duplicate). Requests whose command id is recorded are answered with the first result.
 */
export async function appendWithinTransaction(db: Queryable, requests: AppendRequest[]): Promise<AppendResult[]> {
  const total = requests.reduce((n, r) => n + r.events.length, 0);
  if (total > MAX_EVENTS_PER_TRANSACTION) {
    throw new InvalidAppend(`${total} events in one transaction; at most ${MAX_EVENTS_PER_TRANSACTION}`);
  }
  if (requests.length === 0) return [];
  const parts: string[] = [];
  requests.forEach((request, i) => {
    request.events.forEach(({ eventId, type, data, metadata }, o) => {
      parts.push(
        `{"r":${i + 1},"o":${o},"i":${JSON.stringify(eventId)},"t":${JSON.stringify(type)},` +
          `"d":${JSON.stringify(data)},"m":${JSON.stringify(metadata)}}`,
      );
    });
  });
  const payload = `[${parts.join(',')}]`;
  const { rows } = await db.query<AppendRow>({
    name: 'cl_event_store_append',
    text: APPEND,
    values: [
      requests.map((r) => r.streamId),
      requests.map((r) =>
        r.expected === 'ANY' ? EXPECT_ANY : r.expected === 'NO_STREAM' ? EXPECT_NO_STREAM : r.expected,
      ),
      requests.map((r) => r.commandId ?? null),
      requests.map((r) => r.events.length),
      payload,
    ],
  });

  const bases = new Map<number, number>(); // request index → base version
  const duplicates: number[] = [];
  const written: AppendRow[] = [];
  let clash: AppendRow | undefined;
  for (const row of rows) {
    if (row.k === 'bad') {
      if (!clash || row.r! < clash.r!) clash = row;
    } else if (row.k === 'dup') duplicates.push(row.r! - 1);
    else if (row.k === 'req') bases.set(row.r! - 1, row.v!);
    else if (row.k === 'ev') written.push(row);
  }
  if (clash) {
    const request = requests[clash.r! - 1]!;
    throw new WrongExpectedVersion(request.streamId, request.expected, clash.v === -1 ? null : clash.v);
  }

  // Positions carry the event's index in the transaction in their low bits: the k-th event written has index k.
  const byIndex = new Array<AppendRow>(written.length);
  for (const row of written) byIndex[Number(BigInt(row.p!) & INDEX_MASK)] = row;
  // Fresh copies of what was stored, as a read would return them (jsonb keeps exactly what JSON.stringify wrote).
  const copies = JSON.parse(payload) as { d: Record<string, unknown>; m: Record<string, unknown> }[];

  const firsts = new Map<number, AppendResult>();
  for (const i of duplicates) {
    const first = await findCommandWith(db, requests[i]!.commandId!);
    if (!first) throw new Error(`command ${requests[i]!.commandId} is recorded but not found`);
    firsts.set(i, first);
  }
  const results: AppendResult[] = [];
  let index = 0;
  let copy = 0;
  requests.forEach((request, i) => {
    const first = firsts.get(i);
    if (first) {
      copy += request.events.length;
      return void results.push(first);
    }
    const base = bases.get(i);
    if (base === undefined) throw new Error(`append: no plan for request ${i} (${request.streamId})`);
    const events = request.events.map((event, o): StoredEvent => {
      const row = byIndex[index++];
      const { d, m } = copies[copy++]!;
      if (!row) throw new Error(`append: event ${index - 1} of the transaction was not written`);
      return {
        streamId: request.streamId,
        version: base + 1 + o,
        position: row.p!,
        eventId: event.eventId,
        type: event.type,
        data: d,
        metadata: m,
        recordedAt: row.at!,
      };
    });
    const position: Position | null = events[events.length - 1]?.position ?? null;
    results.push({ streamId: request.streamId, events, nextVersion: base + events.length, position, duplicate: false });
  });
  if (index !== written.length) throw new Error(`append: ${written.length} events written, ${index} expected`);
  return results;
}
