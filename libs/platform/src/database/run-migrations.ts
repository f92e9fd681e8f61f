import type { DataSource } from 'typeorm';

const MIGRATION_LOCK = [7_340_101, 20] as const;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several processes starting at once
 * (API replicas, projector workers, a CLI command) migrate one after the other instead of colliding.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/** Names of the migrations this code has that the database has not applied (empty when up to date). */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const rows: { name: string }[] = await dataSource.query(`SELECT name FROM "${table.replace(/"/g, '')}"`);
  const applied = new Set(rows.map((r) => r.name));
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
}

/**
 * Reverts the last applied migration (runs its `down`) under the migration lock, when `revertible` names it; returns
 * its name, or null when none is applied. Anything else is refused before anything is reverted: a migration of the
 * event store would drop or change the log, which is never rewritten.
 */
export async function revertLastMigration(
  dataSource: DataSource,
  revertible: readonly string[],
): Promise<string | null> {
  const table = (dataSource.options.migrationsTableName ?? 'migrations').replace(/"/g, '');
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    try {
      // TypeORM reverts the migration recorded last (highest id), so that is the one checked.
      const [last] = (await runner.query(`SELECT name FROM "${table}" ORDER BY id DESC LIMIT 1`)) as { name: string }[];
      if (!last) return null;
      if (!revertible.includes(last.name)) {
        throw new Error(
          `the last migration applied, ${last.name}, is not one this command reverts (only read-model migrations: ` +
            'the read models are derived from the log and can be replayed; the log is never rewritten)',
        );
      }
      await dataSource.undoLastMigration({ transaction: 'each' });
      return last.name;
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
