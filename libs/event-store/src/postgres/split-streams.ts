// Where to cut the log into ranges of streams for a parallel fold (EventStore.splitStreams), and the plain
// connection settings another thread opens its own pool from (EventStore.connection).
import type { Pool } from 'pg';
import type { Position, StoreConnection } from '../event-store';
import { isPosition } from '../position';

/** Events sampled to place the cuts: enough for ranges within a few percent of each other. */
const SAMPLE_ROWS = 20_000;

/** See EventStore.splitStreams: quantiles of stream_id over a page sample (TABLESAMPLE SYSTEM) of the events up to `upTo`. */
export async function splitStreamsWith(pool: Pool, parts: number, upTo: Position): Promise<string[]> {
  if (!isPosition(upTo)) throw new Error(`not a position: ${upTo}`);
  if (parts < 2) return [];
  const fractions = Array.from({ length: parts - 1 }, (_, i) => (i + 1) / parts);
  // reltuples is PostgreSQL's estimate (-1 before the first VACUUM or ANALYZE): sample all of a table it cannot size.
  const { rows } = await pool.query<{ cuts: (string | null)[] | null }>(
    `WITH size AS (SELECT reltuples FROM pg_class WHERE oid = 'events'::regclass),
          sample AS (SELECT stream_id FROM events TABLESAMPLE SYSTEM ((
            SELECT CASE WHEN reltuples <= $3 THEN 100 ELSE 100 * $3 / reltuples END FROM size))
          WHERE global_position <= $2)
     SELECT percentile_disc($1::float8[]) WITHIN GROUP (ORDER BY stream_id) AS cuts FROM sample`,
    [fractions, upTo, SAMPLE_ROWS],
  );
  const cuts = (rows[0]?.cuts ?? []).filter((c): c is string => c !== null);
  return [...new Set(cuts)];
}

/** A pool's connection settings as plain data (password included; no pool size, no functions). */
export function poolConnection(pool: Pool): StoreConnection {
  const options = pool.options as unknown as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  for (const key of [
    'connectionString',
    'host',
    'port',
    'user',
    'password', // not enumerable in pg-pool's copy: read by name
    'database',
    'ssl',
    'application_name',
    'statement_timeout',
    'connectionTimeoutMillis',
    'keepAlive',
  ]) {
    const value = options[key];
    if (value !== undefined && typeof value !== 'function') settings[key] = value;
  }
  return { kind: 'postgres', settings };
}
