import { CHECKPOINT_NAME, qualified } from '../schema';
import type { Sql } from './sql';
import { CODE_VERSIONS } from './versions';

/** Where the projector stopped: the event it could not apply, and why. */
export interface ProjectionStall {
  readonly position: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly error: string;
  /** ISO time of the (last) failed attempt. */
  readonly at: string;
}

export interface Checkpoint {
  /** Last applied global position, null before the first event. */
  readonly position: string | null;
  /** Changes when a rebuild swaps in a new schema. */
  readonly generation: string;
  /** The projection version that wrote the rows (null: no checkpoint yet). */
  readonly projectionVersion: number | null;
  /** The snapshot shape version of the stored states (null: no checkpoint yet). */
  readonly snapshotVersion: number | null;
  /** Set while the projector is stalled on an event it cannot apply (see ProjectorService). */
  readonly stall: ProjectionStall | null;
}

/** Creates the checkpoint row if missing, stamped with the code's versions (a fresh schema is written by this code). */
async function insertCheckpoint(sql: Sql, table: string): Promise<void> {
  await sql.query(
    `INSERT INTO ${table} (name, projection_version, snapshot_version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [CHECKPOINT_NAME, CODE_VERSIONS.projection, CODE_VERSIONS.snapshot],
  );
}

/**
 * Reads the checkpoint; `forUpdate` creates it if missing (stamped with the code's versions: a fresh
 * schema is written by this code) and locks it for the rest of the transaction.
 */
export async function readCheckpoint(sql: Sql, schema: string, forUpdate = false): Promise<Checkpoint> {
  const table = qualified(schema, 'projection_checkpoint');
  if (forUpdate) await insertCheckpoint(sql, table);
  const rows: Checkpoint[] = await sql.query(
    `SELECT position::text AS position, generation::text AS generation, projection_version AS "projectionVersion",
            snapshot_version AS "snapshotVersion", stall
     FROM ${table} WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [CHECKPOINT_NAME],
  );
  return rows[0] ?? { position: null, generation: 'none', projectionVersion: null, snapshotVersion: null, stall: null };
}

/** Moves the checkpoint (inside the transaction that wrote the rows it accounts for); past a stall, it clears it. */
export async function writeCheckpoint(sql: Sql, schema: string, position: string): Promise<void> {
  await sql.query(
    `UPDATE ${qualified(schema, 'projection_checkpoint')} SET position = $2, stall = NULL, updated_at = now() WHERE name = $1`,
    [CHECKPOINT_NAME, position],
  );
}

/** Records (or, with null, clears) the projector's stall, leaving the position where it is. */
export async function writeStall(sql: Sql, schema: string, stall: ProjectionStall | null): Promise<void> {
  const table = qualified(schema, 'projection_checkpoint');
  await insertCheckpoint(sql, table);
  await sql.query(`UPDATE ${table} SET stall = $2::jsonb, updated_at = now() WHERE name = $1`, [
    CHECKPOINT_NAME,
    stall === null ? null : JSON.stringify(stall),
  ]);
}
