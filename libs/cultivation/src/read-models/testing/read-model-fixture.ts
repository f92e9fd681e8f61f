// Test support: a migrated database (event store + read models), a DataSource and a PostgreSQL event store.
import { CreateEventStore1764288000000, PostgresEventStore } from '@cl/event-store';
import { DataSource } from 'typeorm';
import { READ_MODEL_MIGRATIONS } from '../index';
import { READ_MODEL_TABLES, qualified } from '../schema';

/** A DataSource on `url` that runs the event-store and read-model migrations the way the app does. */
export async function openDataSource(url: string, poolSize = 10): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [CreateEventStore1764288000000, ...READ_MODEL_MIGRATIONS],
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    extra: { max: poolSize },
    logging: ['error'],
  });
  return dataSource.initialize();
}

/** Opens everything a read-side test needs. */
export async function openReadSide(
  url: string,
): Promise<{ dataSource: DataSource; store: PostgresEventStore; close: () => Promise<void> }> {
  const dataSource = await openDataSource(url);
  const store = new PostgresEventStore({ url, poolSize: 4 });
  return {
    dataSource,
    store,
    close: async () => Promise.all([store.close(), dataSource.destroy()]).then(() => undefined),
  };
}

/** Every row of every read-model table of a schema (volatile bookkeeping columns left out), for comparisons. */
export async function dumpReadModels(dataSource: DataSource, schema: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const rows: { r: unknown }[] = await dataSource.query(
      `SELECT to_jsonb(t) - '{generation,updated_at}'::text[] AS r FROM ${qualified(schema, table)} t ORDER BY 1`,
    );
    out[table] = rows.map((x) => x.r);
  }
  return out;
}
