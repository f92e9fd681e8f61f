import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { createEventStore, CreateEventStore1764288000000, type EventStore } from '@cl/event-store';
import { boundedPoolOptions, resolveDatabase, runMigrationsLocked, type AppConfig } from '@cl/platform';
import { ENTERPRISE_STREAM_PREFIX, TARGETS_STREAM } from '../domain';
import { READ_MODEL_MIGRATIONS } from '../read-models';

/** Every migration the service's database needs, in order. */
export const LEDGER_MIGRATIONS = [CreateEventStore1764288000000, ...READ_MODEL_MIGRATIONS];

/** The event store EVENT_STORE names: PostgreSQL (embedded default) or EventStoreDB. */
export function openEventStore(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
  poolSize = 20,
  bounded = false,
): EventStore {
  if (config.eventStore === 'eventstoredb' && config.eventStoreConnectionString) {
    return createEventStore({
      kind: 'eventstoredb',
      connectionString: config.eventStoreConnectionString,
      streamPrefixes: [ENTERPRISE_STREAM_PREFIX, TARGETS_STREAM],
    });
  }
  const onError = (error: unknown) => logger.warn({ err: error }, 'event store subscription retrying');
  // The API bounds every wait (REQUEST_TIMEOUT_MS, DATABASE_WAIT_MS); the CLI's long rebuilds are not cut short.
  const poolOptions = bounded
    ? boundedPoolOptions({ connectionTimeoutMs: config.databaseWaitMs, statementTimeoutMs: config.requestTimeoutMs })
    : {};
  return createEventStore({ kind: 'postgres', url: databaseUrl, poolSize, poolOptions, onError });
}

/** The ledger's storage outside Nest (CLI, projector worker): database, migrations run, event store. */
export interface OpenLedger {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly databaseUrl: string;
  close(): Promise<void>;
}

/** Opens the database (starting the embedded one when DATABASE_URL is unset), runs migrations, opens the store. */
export async function openLedger(config: AppConfig, logger: Logger): Promise<OpenLedger> {
  const database = await resolveDatabase(config, logger);
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: LEDGER_MIGRATIONS,
    synchronize: false,
    extra: { max: 10 },
    logging: ['error'],
  });
  await dataSource.initialize();
  await runMigrationsLocked(dataSource);
  const store = openEventStore(config, database.url, logger);
  return {
    dataSource,
    store,
    databaseUrl: database.url,
    async close() {
      await store.close();
      await dataSource.destroy();
      await database.close();
    },
  };
}
