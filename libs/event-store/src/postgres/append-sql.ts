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
 *   One primary-key probe per request, as a correlated subquery so that it stays one: as a join, the planner
 *   prefers a sequential scan and hash of all of `event_commands` once it holds about a hundred times the batch
 *   (it then read the whole table per append: 100 of 220 ms of a 500-stream batch over 67,000 commands).
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
 * - no pg_notify: a notifying transaction holds PostgreSQL's notification-queue lock through its commit's WAL
 *   flush, which serialises the commits of concurrent appends (figures in BENCHMARKS.md, B2 diagnostic).
 *   PostgresEventStore notifies after the statement instead (see `notifySubscribers`).
 *
 * It answers with one row: the duplicates and the clashes (request numbers, with the clashing streams' versions),
 * the base of every written request in request order, and the span of the written events (their positions are
 * consecutive from (xid << 20) | 0, and all carry the statement's recorded_at).
 *
 * Parameters: $1 stream ids, $2 expectations (EXPECT_ANY, EXPECT_NO_STREAM or a version), $3 command ids (or null),
 * $4 event counts, one entry per request; $5 the events as a JSON array of {r: request number from 1, o: index in
 * its request, i: event id, t: type, d: data, m: metadata}.
 */
export const APPEND = `
  WITH req AS (
    SELECT q.r::int AS r, q.stream_id, q.expected, q.command_id, q.n
    FROM unnest($1::text[], $2::int[], $3::text[], $4::int[]) WITH ORDINALITY AS q(stream_id, expected, command_id, n, r)
  ),
  known AS (
    SELECT k.r FROM (
      SELECT req.r, (SELECT true FROM event_commands c WHERE c.command_id = req.command_id) AS hit FROM req
    ) k
    WHERE k.hit
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
  )
  SELECT (SELECT array_agg(r ORDER BY r) FROM known) AS duplicates,
         (SELECT array_agg(r ORDER BY r) FROM bad) AS clashes,
         (SELECT array_agg(base ORDER BY r) FROM bad) AS clash_versions,
         (SELECT array_agg(base ORDER BY r) FROM plan) AS bases,
         w.n AS written, w.first::text AS first_position, w.last::text AS last_position, w.first_at, w.last_at
  FROM (SELECT count(*)::int AS n, min(global_position) AS first, max(global_position) AS last,
               min(recorded_at) AS first_at, max(recorded_at) AS last_at FROM ins) AS w`;

interface AppendRow {
  duplicates: number[] | null;
  clashes: number[] | null;
  clash_versions: number[] | null;
  bases: number[] | null;
  written: number;
  first_position: string | null;
  last_position: string | null;
  first_at: Date | null;
  last_at: Date | null;
}

const INDEX_MASK = BigInt(MAX_EVENTS_PER_TRANSACTION - 1);

/**
 * Writes the requests with one statement (APPEND above), which is atomic on its own, so it can run outside a
 * transaction or inside one the caller opened (tests hold one open on purpose). It does not notify subscribers:
 * the caller does, once the statement has committed (PostgresEventStore.appendMany).
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
  // One JSON.stringify of the whole batch: it writes one flat string, where a string per event joined after
  // allocated the batch's text about three times over (the parts, the join, the flattening when sent).
  const entries: { r: number; o: number; i: string; t: string; d: unknown; m: unknown }[] = [];
  requests.forEach((request, i) => {
    request.events.forEach(({ eventId, type, data, metadata }, o) => {
      entries.push({ r: i + 1, o, i: eventId, t: type, d: data, m: metadata });
    });
  });
  const payload = JSON.stringify(entries);
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
  const answer = rows[0]!;
  if (answer.clashes) {
    const request = requests[answer.clashes[0]! - 1]!;
    const actual = answer.clash_versions![0]!;
    throw new WrongExpectedVersion(request.streamId, request.expected, actual === -1 ? null : actual);
  }

  const duplicate = new Set((answer.duplicates ?? []).map((r) => r - 1));
  const firsts = new Map<number, AppendResult>();
  for (const i of duplicate) {
    const first = await findCommandWith(db, requests[i]!.commandId!);
    if (!first) throw new Error(`command ${requests[i]!.commandId} is recorded but not found`);
    firsts.set(i, first);
  }
  const bases = answer.bases ?? [];
  if (bases.length !== requests.length - duplicate.size) {
    throw new Error(`append: ${bases.length} requests planned, ${requests.length - duplicate.size} expected`);
  }
  const expectedEvents = requests.reduce((n, r, i) => (duplicate.has(i) ? n : n + r.events.length), 0);
  const positions = await writtenPositions(db, answer, expectedEvents);

  const results: AppendResult[] = [];
  let planned = 0;
  let index = 0;
  requests.forEach((request, i) => {
    const first = firsts.get(i);
    if (first) return void results.push(first);
    const base = bases[planned++]!;
    const events = request.events.map((event, o): StoredEvent => ({
      streamId: request.streamId,
      version: base + 1 + o,
      position: positions.position(index),
      eventId: event.eventId,
      type: event.type,
      // The caller's own objects, not copies: parsing copies back cost a tenth of the demo seeding's CPU. The store
      // holds what JSON.stringify made of them; NewEvent says to treat them as immutable.
      data: event.data,
      metadata: event.metadata,
      recordedAt: positions.recordedAt(index++),
    }));
    const position: Position | null = events[events.length - 1]?.position ?? null;
    results.push({ streamId: request.streamId, events, nextVersion: base + events.length, position, duplicate: false });
  });
  return results;
}

/**
 * The positions and recording times of the events a statement wrote, by their index in the transaction. The
 * statement reports their span: positions are consecutive from (xid << 20) | 0. All rows take recorded_at from the
 * column default, one value per statement; should the two ends differ (a changed default), they are read back.
 */
async function writtenPositions(
  db: Queryable,
  answer: AppendRow,
  count: number,
): Promise<{ position(index: number): Position; recordedAt(index: number): Date }> {
  if (answer.written !== count) throw new Error(`append: ${answer.written} events written, ${count} expected`);
  if (count === 0) return { position: () => '', recordedAt: () => new Date(NaN) };
  const first = BigInt(answer.first_position!);
  if ((first & INDEX_MASK) !== 0n || BigInt(answer.last_position!) - first !== BigInt(count - 1)) {
    throw new Error(`append: positions ${answer.first_position}…${answer.last_position} for ${count} events`);
  }
  const position = (index: number): Position => (first + BigInt(index)).toString();
  const at = answer.first_at!.getTime();
  if (at === answer.last_at!.getTime()) return { position, recordedAt: () => new Date(at) };
  const { rows } = await db.query<{ recorded_at: Date }>(
    'SELECT recorded_at FROM events WHERE global_position BETWEEN $1 AND $2 ORDER BY global_position',
    [answer.first_position, answer.last_position],
  );
  return { position, recordedAt: (index) => rows[index]!.recorded_at };
}
