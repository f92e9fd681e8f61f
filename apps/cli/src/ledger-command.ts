import { randomUUID } from 'node:crypto';
import {
  CommandExecutor,
  ExecuteEnterpriseCommandHandler,
  LapseSweep,
  openLedger,
  ProjectionStatusQueries,
  ProjectorService,
  SystemClock,
  type OpenLedger,
} from '@cl/cultivation';
import { createLogger, loadConfig, type AppConfig } from '@cl/platform';
import type { Logger } from 'pino';

/**
 * The CLI's log: JSON lines on stderr (stdout is the command's own output: tokens, reports), at LOG_LEVEL or
 * `fallback` (info: a command says which database it opened).
 */
export function cliLogger(config?: AppConfig, fallback: AppConfig['logLevel'] = 'info'): Logger {
  const level = config && process.env.LOG_LEVEL ? config.logLevel : fallback;
  return createLogger(level, 'cultivation-ledger-cli', { toStderr: true });
}

/** Runs `work` with the ledger's storage open (embedded PostgreSQL started or shared), then closes it. */
export async function withLedger<T>(
  work: (ledger: OpenLedger, config: AppConfig, logger: Logger) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const logger = cliLogger(config);
  const ledger = await openLedger(config, logger);
  try {
    return await work(ledger, config, logger);
  } finally {
    await ledger.close();
  }
}

/** The lapse sweep wired by hand (no Nest container in the CLI). */
export function lapseSweepFor(ledger: OpenLedger): LapseSweep {
  const clock = new SystemClock();
  const handler = new ExecuteEnterpriseCommandHandler(new CommandExecutor(ledger.store, clock));
  return new LapseSweep(handler, ledger.dataSource, clock);
}

export const cliCorrelationId = () => `cli-${randomUUID()}`;

/**
 * Brings the read models up to the log's head: a projector joins the election (a running API's
 * projector may be the one that does the work) and the call waits until the checkpoint is there.
 */
export async function catchUpReadModels(ledger: OpenLedger, logger: Logger, timeoutMs = 120_000): Promise<boolean> {
  const head = await ledger.store.head();
  if (head === null) return true;
  const projector = new ProjectorService(ledger.dataSource, ledger.store, logger, { autoStart: false });
  projector.start();
  try {
    return await new ProjectionStatusQueries(ledger.dataSource, ledger.store).waitForPosition(head, timeoutMs);
  } finally {
    await projector.stop();
  }
}
