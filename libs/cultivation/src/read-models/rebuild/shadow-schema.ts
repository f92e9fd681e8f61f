// A scratch copy of the live read-model schema: same tables, constraints and index names (so later
// migrations find their indexes after a swap), built from the catalogue rather than repeated DDL.
import { LIVE_SCHEMA, READ_MODEL_TABLES, qualified } from '../schema';
import type { Sql } from '../projection/sql';

/** Drops `schema` if it exists and recreates it as an empty copy of the live tables. */
export async function createShadowSchema(sql: Sql, schema: string): Promise<void> {
  await dropSchema(sql, schema);
  await sql.query(`CREATE SCHEMA ${schema}`);
  for (const table of READ_MODEL_TABLES) {
    await sql.query(
      `CREATE TABLE ${qualified(schema, table)} (LIKE ${qualified(LIVE_SCHEMA, table)} INCLUDING ALL EXCLUDING INDEXES)`,
    );
  }
  const constraints: { tbl: string; name: string; def: string }[] = await sql.query(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = $1 AND c.contype IN ('p', 'u', 'x')`,
    [LIVE_SCHEMA],
  );
  for (const c of constraints) {
    const table = c.tbl.split('.').pop()!;
    await sql.query(`ALTER TABLE ${schema}.${table} ADD CONSTRAINT ${c.name} ${c.def}`);
  }
  const indexes: { def: string }[] = await sql.query(
    `SELECT i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = $1 AND NOT EXISTS (
       SELECT 1 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND c.conname = i.indexname)`,
    [LIVE_SCHEMA],
  );
  for (const { def } of indexes) await sql.query(def.replace(` ON ${LIVE_SCHEMA}.`, ` ON ${schema}.`));
}

/** Drops a scratch schema and everything in it. */
export async function dropSchema(sql: Sql, schema: string): Promise<void> {
  if (schema === LIVE_SCHEMA) throw new Error('refusing to drop the live read-model schema');
  await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
