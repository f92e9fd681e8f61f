import 'reflect-metadata';
import {
  applyHeapGrowth,
  ConfigError,
  createLogger,
  loadConfig,
  logProcessEvents,
  resolveDatabase,
  type ResolvedDatabase,
} from '@cl/platform';
import { createApi } from './create-api';

/** How long a stop waits for requests in flight before it closes their connections. */
const DRAIN_MS = 5_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      createLogger('info').fatal({ variable: error.variable }, error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  applyHeapGrowth(config.heapGrowingPercent);
  const logger = createLogger(config.logLevel);
  logProcessEvents(logger);
  let database: ResolvedDatabase | undefined;
  let app: Awaited<ReturnType<typeof createApi>> | undefined;
  let stopping: Promise<void> | undefined;
  let starting: Promise<void> = Promise.resolve();
  // Installed before anything slow: a signal during the start lets the start settle, then stops it all in order:
  // HTTP stops accepting and drains (app.close() closes the server before its shutdown hooks), the projector
  // finishes its batch and releases its lock, the pools close, and only then the embedded PostgreSQL stops.
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      logger.info({ signal }, 'shutting down');
      await starting.catch(() => undefined);
      // Requests still running after DRAIN_MS lose their connection, so that the stop ends within 10 s.
      const cut = setTimeout(() => app?.getHttpServer().closeAllConnections(), DRAIN_MS).unref();
      await app?.close();
      clearTimeout(cut);
      await database?.close();
      logger.info('stopped');
    })());
  const stopAndExit = (signal: string) => void stop(signal).finally(() => process.exit(0));
  process.on('SIGINT', () => stopAndExit('SIGINT'));
  process.on('SIGTERM', () => stopAndExit('SIGTERM'));
  starting = (async () => {
    database = await resolveDatabase(config, logger, {
      giveUp: (line) => {
        logger.fatal(line);
        process.exit(70); // EX_SOFTWARE: the database it owns is gone; a supervisor restarts the service
      },
    });
    if (stopping) return;
    app = await createApi({ config, logger, databaseUrl: database.url, schemaFile: 'schema.gql' });
    if (stopping) return;
    await app.listen(config.port, '0.0.0.0');
  })();
  try {
    await starting;
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    throw error;
  }
  if (stopping || !database) return;
  const url = `http://localhost:${config.port}/`;
  logger.info(
    { url, graphql: `${url}graphql`, embeddedDatabase: database.embedded, node: process.version },
    `Cultivation Ledger is listening on ${url} (the console; GraphQL at ${url}graphql)`,
  );
}

main().catch((error: unknown) => {
  createLogger('info').fatal({ err: error }, 'Cultivation Ledger could not start');
  process.exit(1);
});
