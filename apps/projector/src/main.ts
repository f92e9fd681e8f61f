import 'reflect-metadata';
import type { Server } from 'node:http';
import { openLedger, ProjectorService, sampleLedger } from '@cl/cultivation';
import {
  applyHeapGrowth,
  ConfigError,
  createLogger,
  loadConfig,
  logProcessEvents,
  Metrics,
  serveMetrics,
} from '@cl/platform';

/**
 * The projection worker on its own (PROJECTOR_IN_PROCESS=false in the API). Run several: one holds the
 * PostgreSQL advisory lock and projects; the others stand by and take over when it dies. With METRICS_PORT
 * set it serves /metrics (batch sizes and times, lag, pools) and /health/live there.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  applyHeapGrowth(config.heapGrowingPercent);
  const logger = createLogger(config.logLevel, 'cultivation-ledger-projector');
  logProcessEvents(logger);
  const metrics = new Metrics();
  const ledger = await openLedger(config, logger, { metrics });
  metrics.onScrape(() => sampleLedger(metrics, ledger.dataSource, ledger.store));
  const projector = new ProjectorService(ledger.dataSource, ledger.store, logger, {
    onBatch: (events, seconds) => metrics.projectorBatch(events, seconds),
    onVersionMismatch: config.projectionVersionMismatch,
    minReadIntervalMs: config.projectorMinReadIntervalMs,
  });
  projector.start();
  let server: Server | undefined;
  if (config.metricsPort) {
    server = await serveMetrics(metrics, { port: config.metricsPort, token: config.metricsToken, logger });
    logger.info({ port: config.metricsPort }, 'projector metrics at /metrics');
  }
  logger.info('projector started: waiting to lead (PostgreSQL advisory lock)');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'projector stopping');
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await projector.stop();
    await ledger.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const logger = createLogger('info', 'cultivation-ledger-projector');
  if (error instanceof ConfigError) logger.fatal({ variable: error.variable }, error.message);
  else logger.fatal({ err: error }, 'projector could not start');
  process.exit(error instanceof ConfigError ? 78 : 1);
});
