// A PostgreSQL store as the target of a copied log (copy-log): each batch of events one statement, numbered by its
// transaction as appends are, after whatever the target holds.
import { Pool } from 'pg';
import type { StoredEvent } from '../event-store';
import type { CommandRecord, LogTarget } from '../transfer/log-transfer';
import { NOTIFY_CHANNEL } from './append-sql';
import { insertCommands, insertEvents } from './log-writer';
import { parseEventRow, PostgresLogSnapshot } from './log-snapshot';

/** A URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** Copies into the `events` and `event_commands` tables of the database at `url` (migrated beforehand). */
export class PostgresLogTarget implements LogTarget {
  readonly description: string;
  private readonly pool: Pool;

  constructor(url: string) {
    this.description = redactUrl(url);
    this.pool = new Pool({ connectionString: url, max: 2 });
  }

  async lastEventId(): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT event_id::text AS id FROM events ORDER BY global_position DESC LIMIT 1',
    );
    return rows[0]?.id ?? null;
  }

  async writeEvents(events: StoredEvent[]): Promise<void> {
    await insertEvents(this.pool, events, 'transaction');
    await this.pool.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, '']);
  }

  async writeCommands(commands: CommandRecord[]): Promise<void> {
    await insertCommands(this.pool, commands);
  }

  async *readEvents(): AsyncIterable<StoredEvent[]> {
    const snapshot = await PostgresLogSnapshot.open(this.pool);
    try {
      const head = await snapshot.head(false);
      if (head === null) return;
      for await (const rows of snapshot.events(null, head)) yield rows.map(parseEventRow);
    } finally {
      await snapshot.close();
    }
  }

  async *readCommands(): AsyncIterable<CommandRecord[]> {
    const snapshot = await PostgresLogSnapshot.open(this.pool);
    try {
      yield* snapshot.commands(null);
    } finally {
      await snapshot.close();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
