// Writing a log copied from elsewhere into a PostgreSQL store: events with their own ids, versions, metadata and
// recording times, in the order given, and command records.
import type { ClientBase } from 'pg';
import type { CommandRecord } from '../transfer/log-transfer';
import { MAX_EVENTS_PER_TRANSACTION } from './append-sql';

type Queryable = Pick<ClientBase, 'query'>;

/** An event to write: data and metadata as values, the recording time as a Date or timestamptz text. */
export interface EventToWrite {
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: unknown;
  recordedAt: Date | string;
}

/**
 * Where the positions of the written events come from:
 * - 'transaction': (the writing transaction's id << 20) | index, as an append numbers them (at most 2^20 events,
 *   and one such write per transaction);
 * - a bigint `first`: first, first + 1, … (a restore's own numbering, see restoreBackup); the row's transaction id is
 *   position >> 20, as the table's CHECK requires.
 */
export type Numbering = 'transaction' | { first: bigint };

/** Inserts the events in one statement, in the order given. */
export async function insertEvents(db: Queryable, events: EventToWrite[], numbering: Numbering): Promise<void> {
  if (events.length === 0) return;
  if (numbering === 'transaction' && events.length > MAX_EVENTS_PER_TRANSACTION) {
    throw new Error(`${events.length} events in one transaction; at most ${MAX_EVENTS_PER_TRANSACTION}`);
  }
  const payload = JSON.stringify(
    events.map((e, n) => ({
      n,
      s: e.streamId,
      v: e.version,
      i: e.eventId,
      t: e.type,
      d: e.data,
      m: e.metadata,
      at: e.recordedAt instanceof Date ? e.recordedAt.toISOString() : e.recordedAt,
    })),
  );
  const position =
    numbering === 'transaction' ? '(pg_current_xact_id()::text::bigint << 20) | x.n' : '$2::bigint + x.n';
  await db.query(
    `INSERT INTO events (global_position, transaction_id, stream_id, stream_version, event_id, type, data, metadata,
                         recorded_at)
     SELECT q.p, (q.p >> 20)::text::xid8, q.s, q.v, q.i, q.t, q.d, q.m, q.at
     FROM (SELECT ${position} AS p, x.*
           FROM jsonb_to_recordset($1::jsonb) AS x(n bigint, s text, v int, i uuid, t text, d jsonb, m jsonb,
                                                    at timestamptz)) q
     ORDER BY q.n`,
    numbering === 'transaction' ? [payload] : [payload, numbering.first.toString()],
  );
}

/** Records the command ids; an id already recorded is left as it is. */
export async function insertCommands(
  db: Queryable,
  commands: (CommandRecord & { recordedAt?: Date | string })[],
): Promise<void> {
  if (commands.length === 0) return;
  const payload = JSON.stringify(
    commands.map((c) => ({
      c: c.commandId,
      s: c.streamId,
      f: c.firstVersion,
      n: c.eventCount,
      x: c.nextVersion,
      at: c.recordedAt instanceof Date ? c.recordedAt.toISOString() : (c.recordedAt ?? null),
    })),
  );
  await db.query(
    `INSERT INTO event_commands (command_id, stream_id, first_version, event_count, next_version, recorded_at)
     SELECT x.c, x.s, x.f, x.n, x.x, coalesce(x.at, now())
     FROM jsonb_to_recordset($1::jsonb) AS x(c text, s text, f int, n int, x int, at timestamptz)
     ORDER BY x.c
     ON CONFLICT (command_id) DO NOTHING`,
    [payload],
  );
}
