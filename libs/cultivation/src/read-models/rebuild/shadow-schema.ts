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
 * Adds the live schema's primary keys, unique constraints and indexes to `schema`'s tables (after their bulk load:
 * one sort per index instead of an index insert per row), with the planner's statistics refreshed first.
 *
 * Every index is built by a plain CREATE INDEX, those of keys and unique constraints under the constraint's own name,
 * and the constraints are attached to their built indexes at the end (`ADD CONSTRAINT … USING INDEX`, a change of
 * the catalogue only). So no build waits for a table lock (CREATE INDEX takes a SHARE lock, which others on the same
 * table share; ADD CONSTRAINT would take the table whole) and the builds form one queue, the most rows first, that
 * the connections of `sqls` take from as each frees up: both cores sort until the last build, rather than one
 * finishing the largest table's indexes alone.
 */
export async function addShadowIndexes(sqls: readonly Sql[], schema: string): Promise<void> {
  const [sql] = sqls;
  if (!sql) throw new Error('addShadowIndexes needs a connection');
  const tables = READ_MODEL_TABLES.map((t) => qualified(schema, t)).join(', ');
  // The row counts that order the queue (a bulk-loaded table has none until analysed). Column statistics need no
  // index; a table with an expression index is analysed again once its indexes exist (the expression's statistics).
  await sql.query(`ANALYZE ${tables}`);
  const constraints: { tbl: string; name: string; def: string; kind: string; index: string | null }[] = await sql.query(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def,
              c.contype AS kind, CASE WHEN c.contype IN ('p', 'u') AND NOT c.condeferrable
                                      THEN pg_get_indexdef(c.conindid) END AS index
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
  const rows = new Map<string, number>(
    (
      (await sql.query(
        `SELECT c.relname AS tbl, greatest(c.reltuples, 0)::float8 AS rows FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
        [schema],
      )) as { tbl: string; rows: number }[]
    ).map((r) => [r.tbl, r.rows]),
  );
  const here = (def: string) => def.replace(` ON ${LIVE_SCHEMA}.`, ` ON ${schema}.`);
  const tableOf = (tbl: string) => `${schema}.${tbl.split('.').pop()!}`;
  const builds = [...constraints.flatMap((c) => (c.index ? [here(c.index)] : [])), ...indexes.map((i) => here(i.def))]
    .map((statement) => ({ statement, rows: rows.get(/ ON [a-z_]+\.([a-z_]+) /.exec(statement)?.[1] ?? '') ?? 0 }))
    .sort((a, b) => b.rows - a.rows);
  await Promise.all(
    sqls.map(async (connection) => {
      for (let build = builds.shift(); build; build = builds.shift()) await connection.query(build.statement);
    }),
  );
  for (const c of constraints) {
    const kind = c.kind === 'p' ? 'PRIMARY KEY' : 'UNIQUE';
    await sql.query(
      c.index
        ? `ALTER TABLE ${tableOf(c.tbl)} ADD CONSTRAINT ${c.name} ${kind} USING INDEX ${c.name}`
        : `ALTER TABLE ${tableOf(c.tbl)} ADD CONSTRAINT ${c.name} ${c.def}`,
    );
  }
  const withExpressions: { tbl: string }[] = await sql.query(
    `SELECT DISTINCT t.relname AS tbl FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1 AND x.indexprs IS NOT NULL`,
    [schema],
  );
  if (withExpressions.length > 0) {
    await sql.query(`ANALYZE ${withExpressions.map((t) => `${schema}.${t.tbl}`).join(', ')}`);
  }
}

/** Drops a scratch schema and everything in it. */
export async function dropSchema(sql: Sql, schema: string): Promise<void> {
  if (schema === LIVE_SCHEMA) throw new Error('refusing to drop the live read-model schema');
  await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
