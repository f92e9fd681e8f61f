import 'reflect-metadata';
import { createLogger, loadConfig, resolveDatabase, ConfigError } from '@cl/platform';
import { createApi } from './create-api';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const database = await resolveDatabase(config, logger, {
    giveUp: (line) => {
      logger.fatal(line);
      process.exit(70); // EX_SOFTWARE: the database it owns is gone; a supervisor restarts the service
    },
  });
  const app = await createApi({ config, logger, databaseUrl: database.url, schemaFile: 'schema.gql' });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen(config.port, '0.0.0.0');
  logger.info(
    { url: `http://localhost:${config.port}/graphql`, embeddedDatabase: database.embedded },
    'Cultivation Ledger is listening',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Cultivation Ledger could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
