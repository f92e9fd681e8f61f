// Backup and restore of a PostgreSQL store: the whole log (every event with its id, stream, version, type, data,
// metadata and recording time, in log order) and the command records, in one checksummed file (backup-format.ts).
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Pool } from 'pg';
import { TargetNotEmpty } from '../errors';
import { NOTIFY_CHANNEL } from './append-sql';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, readBackup, type BackupHeader } from './backup-format';
import { insertCommands, insertEvents } from './log-writer';
import { PostgresLogSnapshot } from './log-snapshot';

export interface BackupSummary {
  events: number;
  commands: number;
  /** SHA-256 of the uncompressed content before the end line (what the end line records). */
  sha256: string;
  /** The last position in the backup (null: empty log). */
  head: string | null;
}

/** Writes a backup of the store to `output` (gzip), from one snapshot, while the store goes on taking appends. */
export async function writeBackup(
  pool: Pool,
  output: Writable,
  onProgress: (done: { events: number; commands: number }) => void = () => undefined,
): Promise<BackupSummary> {
  const gzip = createGzip();
  gzip.pipe(output);
  const hash = createHash('sha256');
  const write = async (text: string, hashed = true): Promise<void> => {
    if (hashed) hash.update(text);
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  const snapshot = await PostgresLogSnapshot.open(pool);
  let events = 0;
  let commands = 0;
  let head: string | null;
  try {
    // Every event the snapshot sees, settled or not: they are committed, and the file's order is theirs.
    head = await snapshot.head(false);
    const header: BackupHeader = {
      kind: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      head,
    };
    await write(`${JSON.stringify(header)}\n`);
    if (head !== null) {
      for await (const rows of snapshot.events(null, head)) {
        let text = '';
        for (const r of rows) {
          // data and metadata go as the JSON text PostgreSQL gives: no parse and stringify per event.
          text +=
            `{"kind":"event","position":"${r.position}","streamId":${JSON.stringify(r.streamId)},` +
            `"version":${r.version},"eventId":"${r.eventId}","type":${JSON.stringify(r.type)},` +
            `"recordedAt":"${r.recordedAt}","data":${r.data},"metadata":${r.metadata}}\n`;
        }
        await write(text);
        events += rows.length;
        onProgress({ events, commands });
      }
    }
    for await (const rows of snapshot.commands(null)) {
      await write(rows.map((c) => `${JSON.stringify({ kind: 'command', ...c })}\n`).join(''));
      commands += rows.length;
      onProgress({ events, commands });
    }
  } finally {
    await snapshot.close();
  }
  const sha256 = hash.digest('hex');
  await write(`${JSON.stringify({ kind: 'end', events, commands, sha256 })}\n`, false);
  gzip.end();
  await finished(output);
  return { events, commands, sha256, head };
}

/**
 * The first position a restore gives: (3 << 20). Restored events are numbered densely from there, so the row of
 * the i-th event carries transaction id 3 + i / 2^20: ids below every real transaction of the target (ids below 3
 * are reserved by PostgreSQL), so they are settled for every reader the moment the restore commits, and every
 * later append (a real, larger id) comes after them.
 */
const FIRST_RESTORED = 3n << 20n;

export interface RestoreSummary {
  events: number;
  commands: number;
  /** The restored log's last position (the source's positions are renumbered, their order kept). */
  head: string | null;
}

/**
 * Loads a backup into an empty store, all or nothing: one transaction that locks out appends, refuses a store that
 * holds any event or command record (TargetNotEmpty), and commits only once the whole file has been read and its
 * end line's counts and SHA-256 match (else DamagedBackup, and nothing is written).
 */
export async function restoreBackup(
  pool: Pool,
  input: Readable,
  onProgress: (done: { events: number; commands: number }) => void = () => undefined,
): Promise<RestoreSummary> {
  const client = await pool.connect();
  let events = 0;
  let commands = 0;
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE events, event_commands IN SHARE ROW EXCLUSIVE MODE');
    const { rows } = await client.query<{ events: boolean; commands: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM events) AS events, EXISTS (SELECT 1 FROM event_commands) AS commands',
    );
    if (rows[0]!.events || rows[0]!.commands) {
      throw new TargetNotEmpty(
        'the ledger is not empty: a backup is restored only into an empty one (a new DATA_DIR, or a new database); nothing was restored',
      );
    }
    for await (const page of readBackup(input)) {
      if (page.kind === 'events') {
        await insertEvents(client, page.events, { first: FIRST_RESTORED + BigInt(events) });
        events += page.events.length;
      } else {
        await insertCommands(client, page.commands);
        commands += page.commands.length;
      }
      onProgress({ events, commands });
    }
    const lastId = events === 0 ? null : (FIRST_RESTORED + BigInt(events - 1)) >> 20n;
    if (lastId !== null) {
      const { rows: xid } = await client.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x');
      // Unreachable in practice (a log of more than (xid - 3) × 2^20 events), but then the order would be wrong.
      if (BigInt(xid[0]!.x) <= lastId) {
        throw new Error(`the log is too large for this database's transaction ids (${events} events)`);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  await pool.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, '']);
  const head = events === 0 ? null : (FIRST_RESTORED + BigInt(events - 1)).toString();
  return { events, commands, head };
}

/** Reads a backup through without a database: its structure, counts and SHA-256 (DamagedBackup if any fails). */
export async function checkBackup(
  input: Readable,
): Promise<{ events: number; commands: number; header: BackupHeader }> {
  let events = 0;
  let commands = 0;
  const reader = readBackup(input);
  for (;;) {
    const next = await reader.next();
    if (next.done) return { events, commands, header: next.value };
    if (next.value.kind === 'events') events += next.value.events.length;
    else commands += next.value.commands.length;
  }
}
