import type { QueryRunner } from 'typeorm';

/**
 * Empties every read-model table (as the catalogue lists them when the migration runs: later migrations
 * add and drop tables) and resets the checkpoint to the start of the log, stamped `projectionVersion`:
 * the projector of that release then replays the whole log into them. With `projectionVersion` null the
 * checkpoint is emptied too (the running code's projector creates it afresh).
 */
export async function emptyForReplay(q: QueryRunner, projectionVersion: number | null): Promise<void> {
  const tables = (await q.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'read_model' AND ($1::int IS NULL OR tablename <> 'projection_checkpoint')`,
    [projectionVersion],
  )) as { tablename: string }[];
  if (tables.length > 0) await q.query(`TRUNCATE ${tables.map((t) => `read_model.${t.tablename}`).join(', ')}`);
  if (projectionVersion === null) return;
  await q.query(
    `UPDATE read_model.projection_checkpoint SET position = NULL, generation = gen_random_uuid(), projection_version = $1`,
    [projectionVersion],
  );
}
