import { CHECKPOINT_CHANNEL, CHECKPOINT_NAME, LIVE_SCHEMA, qualified } from '../schema';
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
  const read = async (): Promise<Checkpoint | undefined> =>
    (
      (await sql.query(
        `SELECT position::text AS position, generation::text AS generation, projection_version AS "projectionVersion",
                snapshot_version AS "snapshotVersion", stall
         FROM ${table} WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
        [CHECKPOINT_NAME],
      )) as Checkpoint[]
    )[0];
  let row = await read();
  // The row exists after a schema's first batch: one statement per batch then, not an INSERT that does nothing
  // and a read (issue 24, item 5). Missing, it is created (ON CONFLICT: another writer may create it first) and read
  // again, locked, as before.
  if (!row && forUpdate) {
    await insertCheckpoint(sql, table);
    row = await read();
  }
  return row ?? { position: null, generation: 'none', projectionVersion: null, snapshotVersion: null, stall: null };
}

/**
 * Moves the checkpoint (inside the transaction that wrote the rows it accounts for); past a stall, it clears it. The
 * live schema's also notifies CHECKPOINT_CHANNEL in the same statement, delivered when the transaction commits.
 */
export async function writeCheckpoint(sql: Sql, schema: string, position: string): Promise<void> {
  const update = `UPDATE ${qualified(schema, 'projection_checkpoint')} SET position = $2, stall = NULL, updated_at = now() WHERE name = $1`;
  if (schema !== LIVE_SCHEMA) {
    await sql.query(update, [CHECKPOINT_NAME, position]);
    return;
  }
  await sql.query(
    `WITH moved AS (${update} RETURNING position, generation)
     SELECT pg_notify($3, json_build_object('position', position::text, 'generation', generation::text)::text) FROM moved`,
    [CHECKPOINT_NAME, position, CHECKPOINT_CHANNEL],
  );
}

/**
 * Inside a rebuild's swap transaction, before the renames: notifies CHECKPOINT_CHANNEL (at commit) that the live
 * checkpoint goes from the live schema's generation to `schema`'s generation and position.
 */
export async function announceSwap(sql: Sql, schema: string): Promise<void> {
  await sql.query(
    `SELECT pg_notify($2, json_build_object('from', coalesce(o.generation::text, 'none'),
       'position', n.position::text, 'generation', n.generation::text)::text)
     FROM ${qualified(schema, 'projection_checkpoint')} n
     LEFT JOIN ${qualified(LIVE_SCHEMA, 'projection_checkpoint')} o USING (name) WHERE name = $1`,
    [CHECKPOINT_NAME, CHECKPOINT_CHANNEL],
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
