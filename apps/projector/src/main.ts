import 'reflect-metadata';
import { openLedger, ProjectorService } from '@cl/cultivation';
import { ConfigError, createLogger, loadConfig } from '@cl/platform';

/**
 * The projection worker on its own (PROJECTOR_IN_PROCESS=false in the API). Run several: one holds the
 * PostgreSQL advisory lock and projects; the others stand by and take over when it dies.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'cultivation-ledger-projector');
  const ledger = await openLedger(config, logger);
  const projector = new ProjectorService(ledger.dataSource, ledger.store, logger);
  projector.start();
  logger.info('projector started: waiting to lead (PostgreSQL advisory lock)');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'projector stopping');
    await projector.stop();
    await ledger.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `projector could not start: ${String(error)}`}\n`,
  );
  process.exit(error instanceof ConfigError ? 78 : 1);
});
