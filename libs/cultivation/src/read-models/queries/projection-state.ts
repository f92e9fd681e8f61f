// Where the live read models stand: their checkpoint, and whether a rebuild is running.
import { readCheckpoint, type Checkpoint } from '../projection/checkpoint';
import { LIVE_SCHEMA, LOCKS, REBUILD_SCHEMA } from '../schema';
import type { Sql } from '../projection/sql';

/** The checkpoint of the live read models (the one queries read). */
export function readLiveCheckpoint(sql: Sql): Promise<Checkpoint> {
  return readCheckpoint(sql, LIVE_SCHEMA);
}

/** How far a running rebuild has replayed into its own schema (it commits a checkpoint per page); null before. */
export async function readRebuildPosition(sql: Sql): Promise<string | null> {
  return (await readCheckpoint(sql, REBUILD_SCHEMA).catch(() => ({ position: null }))).position;
}

/** True while some process holds the rebuild lock. */
export async function isRebuildRunning(sql: Sql): Promise<boolean> {
  const locks: { n: number }[] = await sql.query(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [LOCKS.namespace, LOCKS.rebuild],
  );
  return (locks[0]?.n ?? 0) > 0;
}
