import { CHECKPOINT_NAME, qualified } from '../schema';
import type { Sql } from './sql';

export interface Checkpoint {
  /** Last applied global position, null before the first event. */
  readonly position: string | null;
  /** Changes when a rebuild swaps in a new schema. */
  readonly generation: string;
}

/** Reads the checkpoint; `forUpdate` creates it if missing and locks it for the rest of the transaction. */
export async function readCheckpoint(sql: Sql, schema: string, forUpdate = false): Promise<Checkpoint> {
  const table = qualified(schema, 'projection_checkpoint');
  if (forUpdate) await sql.query(`INSERT INTO ${table} (name) VALUES ($1) ON CONFLICT DO NOTHING`, [CHECKPOINT_NAME]);
  const rows: { position: string | null; generation: string }[] = await sql.query(
    `SELECT position::text AS position, generation::text AS generation FROM ${table} WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [CHECKPOINT_NAME],
  );
  return rows[0] ?? { position: null, generation: 'none' };
}

/** Moves the checkpoint (inside the transaction that wrote the rows it accounts for). */
export async function writeCheckpoint(sql: Sql, schema: string, position: string): Promise<void> {
  await sql.query(
    `UPDATE ${qualified(schema, 'projection_checkpoint')} SET position = $2, updated_at = now() WHERE name = $1`,
    [CHECKPOINT_NAME, position],
  );
}
