import 'reflect-metadata';
import {
  ConfigError,
  createLogger,
  loadConfig,
  logProcessEvents,
  resolveDatabase,
  type ResolvedDatabase,
} from '@cl/platform';
import { createApi } from './create-api';

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
  const logger = createLogger(config.logLevel);
  logProcessEvents(logger);
  let database: ResolvedDatabase | undefined;
  let app: Awaited<ReturnType<typeof createApi>> | undefined;
  let stopping: Promise<void> | undefined;
  let starting: Promise<void> = Promise.resolve();
  // Installed before anything slow: a signal during the start lets the start settle, then stops it all in order.
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      logger.info({ signal }, 'shutting down');
      await starting.catch(() => undefined);
      await app?.close();
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
  logger.info(
    { url: `http://localhost:${config.port}/graphql`, embeddedDatabase: database.embedded, node: process.version },
    'Cultivation Ledger is listening',
  );
}

main().catch((error: unknown) => {
  createLogger('info').fatal({ err: error }, 'Cultivation Ledger could not start');
  process.exit(1);
});
