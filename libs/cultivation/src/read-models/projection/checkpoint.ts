import { CHECKPOINT_NAME, qualified } from '../schema';
import type { Sql } from './sql';
import { CODE_VERSIONS } from './versions';

export interface Checkpoint {
  /** Last applied global position, null before the first event. */
  readonly position: string | null;
  /** Changes when a rebuild swaps in a new schema. */
  readonly generation: string;
  /** The projection version that wrote the rows (null: no checkpoint yet). */
  readonly projectionVersion: number | null;
  /** The snapshot shape version of the stored states (null: no checkpoint yet). */
  readonly snapshotVersion: number | null;
}

/**
 * Reads the checkpoint; `forUpdate` creates it if missing (stamped with the code's versions: a fresh
 * schema is written by this code) and locks it for the rest of the transaction.
 */
export async function readCheckpoint(sql: Sql, schema: string, forUpdate = false): Promise<Checkpoint> {
  const table = qualified(schema, 'projection_checkpoint');
  if (forUpdate) {
    await sql.query(
      `INSERT INTO ${table} (name, projection_version, snapshot_version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [CHECKPOINT_NAME, CODE_VERSIONS.projection, CODE_VERSIONS.snapshot],
    );
  }
  const rows: Checkpoint[] = await sql.query(
    `SELECT position::text AS position, generation::text AS generation, projection_version AS "projectionVersion",
            snapshot_version AS "snapshotVersion"
     FROM ${table} WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [CHECKPOINT_NAME],
  );
  return rows[0] ?? { position: null, generation: 'none', projectionVersion: null, snapshotVersion: null };
}

/** Moves the checkpoint (inside the transaction that wrote the rows it accounts for). */
export async function writeCheckpoint(sql: Sql, schema: string, position: string): Promise<void> {
  await sql.query(
    `UPDATE ${qualified(schema, 'projection_checkpoint')} SET position = $2, updated_at = now() WHERE name = $1`,
    [CHECKPOINT_NAME, position],
  );
}
