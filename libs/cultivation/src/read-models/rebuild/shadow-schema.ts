// A scratch copy of the live read-model schema: same tables, constraints and index names (so later
// migrations find their indexes after a swap), built from the catalogue rather than repeated DDL. The
// tables come first and bare, so a bulk load can fill them before the keys and indexes are built.
import { LIVE_SCHEMA, READ_MODEL_TABLES, qualified } from '../schema';
import type { Sql } from '../projection/sql';

/** Drops `schema` if it exists and recreates it with empty copies of the live tables, without keys or indexes. */
export async function createShadowTables(sql: Sql, schema: string): Promise<void> {
  await dropSchema(sql, schema);
  await sql.query(`CREATE SCHEMA ${schema}`);
  for (const table of READ_MODEL_TABLES) {
    await sql.query(
      `CREATE TABLE ${qualified(schema, table)} (LIKE ${qualified(LIVE_SCHEMA, table)} INCLUDING ALL EXCLUDING INDEXES)`,
    );
  }
  // LIKE copies no storage parameters (count_tree's fillfactor): take them from the catalogue too.
  const options: { tbl: string; options: string }[] = await sql.query(
    `SELECT c.relname AS tbl, array_to_string(c.reloptions, ', ') AS options FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' AND c.reloptions IS NOT NULL`,
    [LIVE_SCHEMA],
  );
  for (const o of options) {
    const table = READ_MODEL_TABLES.find((t) => t === o.tbl);
    if (table) await sql.query(`ALTER TABLE ${qualified(schema, table)} SET (${o.options})`);
  }
}

/**
 * Adds the live schema's primary keys, unique constraints and indexes to `schema`'s tables (after their
 * bulk load: one sort per index instead of an index insert per row), each statement on a connection of
 * `sqls` as one frees up so that both cores sort; then refreshes the planner's statistics.
 */
export async function addShadowIndexes(sqls: readonly Sql[], schema: string): Promise<void> {
  const [sql] = sqls;
  if (!sql) throw new Error('addShadowIndexes needs a connection');
  const constraints: { tbl: string; name: string; def: string }[] = await sql.query(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = $1 AND c.contype IN ('p', 'u', 'x')`,
    [LIVE_SCHEMA],
  );
  const indexes: { def: string }[] = await sql.query(
    `SELECT i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = $1 AND NOT EXISTS (
       SELECT 1 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND c.conname = i.indexname)`,
    [LIVE_SCHEMA],
  );
  const statements = [
    ...constraints.map((c) => `ALTER TABLE ${schema}.${c.tbl.split('.').pop()!} ADD CONSTRAINT ${c.name} ${c.def}`),
    ...indexes.map(({ def }) => def.replace(` ON ${LIVE_SCHEMA}.`, ` ON ${schema}.`)),
  ];
  // Statements on one table would wait for each other's lock: a connection takes a whole table at a time.
  const byTable = new Map<string, string[]>();
  for (const statement of statements) {
    const table = / ON ([a-z_]+\.[a-z_]+)| TABLE ([a-z_]+\.[a-z_]+) /.exec(statement)?.slice(1).find(Boolean) ?? '';
    byTable.set(table, [...(byTable.get(table) ?? []), statement]);
  }
  const queue = [...byTable.values()].sort((a, b) => b.length - a.length);
  await Promise.all(
    sqls.map(async (connection) => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        for (const statement of group) await connection.query(statement);
      }
    }),
  );
  await sql.query(`ANALYZE ${READ_MODEL_TABLES.map((t) => qualified(schema, t)).join(', ')}`);
}

/** Drops a scratch schema and everything in it. */
export async function dropSchema(sql: Sql, schema: string): Promise<void> {
  if (schema === LIVE_SCHEMA) throw new Error('refusing to drop the live read-model schema');
  await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
