import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
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
import { Pool } from 'pg';
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
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const logger = cliLogger(config);
  const ledger = await openLedger(config, logger, options);
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
 * Who the events of a CLI write are recorded as: --actor, else the operating system's user name (said so on
 * stderr) unless that is root. A person, never a generic name: the log is the record of who did what.
 */
export function cliActorSub(given: string | undefined, command: string): string {
  const sub = given?.trim();
  if (sub) {
    if (!/^[\w.@:-]{1,128}$/.test(sub)) throw new Error('--actor may hold letters, digits and . _ @ : - only');
    return sub;
  }
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry for this uid
  }
  // root (or no user name at all, in a container without a passwd entry) names no person
  if (!user || user === 'root') {
    throw new Error(`${command}: --actor <name> is required (the person recorded as the actor of the events)`);
  }
  process.stderr.write(`${command}: recording the events as actor "${user}" (the OS user; choose with --actor)\n`);
  return user;
}

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

/**
 * A one-connection pool of its own on the ledger's database (backup, restore, copy-log: each holds one long
 * transaction); an idle connection closed under it (the embedded server stopping at the end) is logged, not thrown.
 */
export function ledgerPool(url: string, logger: Logger): Pool {
  const pool = new Pool({ connectionString: url, max: 1 });
  pool.on('error', (error) => logger.debug({ reason: error.message }, 'an idle connection was closed'));
  return pool;
}
