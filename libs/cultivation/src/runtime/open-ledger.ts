import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import {
  createEventStore,
  CreateEventStore1764288000000,
  EventsRecordedAt1764288000001,
  redactUrl,
  type EventStore,
} from '@cl/event-store';
import {
  boundedPoolOptions,
  resolveDatabase,
  runMigrationsLocked,
  typeormLogger,
  type AppConfig,
  type MetricsRecorder,
} from '@cl/platform';
import { MeasuredEventStore } from '../application/operations/measured-event-store';
import { ENTERPRISE_STREAM_PREFIX, REPORT_STREAM_PREFIX, REPORTS_STREAM, TARGETS_STREAM } from '../domain';
import { READ_MODEL_MIGRATIONS } from '../read-models';

/** Every migration the service's database needs, in order. */
export const LEDGER_MIGRATIONS = [
  CreateEventStore1764288000000,
  EventsRecordedAt1764288000001,
  ...READ_MODEL_MIGRATIONS,
];
/**
 * What `migrate --revert` may undo: the read models' migrations (they are replayed from the log) and the log's index
 * on recording time (only an index), never the log's tables.
 */
export const REVERTIBLE_MIGRATIONS: readonly string[] = [
  EventsRecordedAt1764288000001.name,
  ...READ_MODEL_MIGRATIONS.map((m) => m.name),
];

/** The streams of this service: what an EventStoreDB store reads, subscribes to and receives from copy-log. */
export const LEDGER_STREAM_PREFIXES: readonly string[] = [
  ENTERPRISE_STREAM_PREFIX,
  TARGETS_STREAM,
  REPORT_STREAM_PREFIX,
  REPORTS_STREAM,
];

/** Applies every migration to the database at `url` (e.g. a copy-log target, so a service started on it finds it ready). */
export async function migrateLedgerDatabase(url: string, logger: Logger): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: LEDGER_MIGRATIONS,
    synchronize: false,
    extra: { max: 2 },
    logger: typeormLogger(logger),
  });
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** The event store EVENT_STORE names: PostgreSQL (embedded default) or EventStoreDB; appends timed into `metrics`. */
export function openEventStore(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
  {
    poolSize = 20,
    metrics,
    bounded = false,
  }: {
    poolSize?: number;
    metrics?: MetricsRecorder;
    /** The API bounds every wait (REQUEST_TIMEOUT_MS, DATABASE_WAIT_MS); the CLI's long rebuilds are not cut short. */
    bounded?: boolean;
  } = {},
): EventStore {
  const store = (): EventStore => {
    if (config.eventStore === 'eventstoredb' && config.eventStoreConnectionString) {
      return createEventStore({
        kind: 'eventstoredb',
        connectionString: config.eventStoreConnectionString,
        streamPrefixes: [...LEDGER_STREAM_PREFIXES],
      });
    }
    const onError = (error: unknown) => logger.warn({ err: error }, 'event store subscription retrying');
    const onRetry = () => metrics?.appendRetry('race');
    const poolOptions = bounded
      ? boundedPoolOptions({ connectionTimeoutMs: config.databaseWaitMs, statementTimeoutMs: config.requestTimeoutMs })
      : {};
    return createEventStore({ kind: 'postgres', url: databaseUrl, poolSize, poolOptions, onError, onRetry });
  };
  return metrics ? new MeasuredEventStore(store(), metrics) : store();
}

/** A connection string without its password, for logs. */
export const redactedUrl = redactUrl;

/** The ledger's storage outside Nest (CLI, projector worker): database, migrations run, event store. */
export interface OpenLedger {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly databaseUrl: string;
  close(): Promise<void>;
}

/** Opens the database (starting the embedded one when DATABASE_URL is unset), runs migrations, opens the store. */
export async function openLedger(
  config: AppConfig,
  logger: Logger,
  /** `migrate: false` opens the database as it is, without applying pending migrations (`migrate --revert`). */
  options: { metrics?: MetricsRecorder; migrate?: boolean } = {},
): Promise<OpenLedger> {
  const database = await resolveDatabase(config, logger);
  logger.info(
    {
      database: redactedUrl(database.url),
      embedded: database.embedded,
      ...(database.embedded ? { dataDir: config.dataDir } : {}),
      eventStore: config.eventStore,
    },
    `opened database ${redactedUrl(database.url)}${database.embedded ? ` (embedded PostgreSQL, data in ${config.dataDir})` : ''}`,
  );
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: LEDGER_MIGRATIONS,
    synchronize: false,
    extra: { max: 10 },
    logger: typeormLogger(logger),
  });
  await dataSource.initialize();
  if (options.migrate !== false) await runMigrationsLocked(dataSource);
  const store = openEventStore(config, database.url, logger, { metrics: options.metrics });
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
