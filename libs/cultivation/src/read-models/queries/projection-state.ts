// Where the live read models stand: their checkpoint, and whether a rebuild is running.
import { readCheckpoint, type Checkpoint } from '../projection/checkpoint';
import { LIVE_SCHEMA, LOCKS } from '../schema';
import type { Sql } from '../projection/sql';

/** The checkpoint of the live read models (the one queries read). */
export function readLiveCheckpoint(sql: Sql): Promise<Checkpoint> {
  return readCheckpoint(sql, LIVE_SCHEMA);
}

/** True while some process holds the rebuild lock. */
export async function isRebuildRunning(sql: Sql): Promise<boolean> {
  const locks: { n: number }[] = await sql.query(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted`,
    [LOCKS.namespace, LOCKS.rebuild],
  );
  return (locks[0]?.n ?? 0) > 0;
}
