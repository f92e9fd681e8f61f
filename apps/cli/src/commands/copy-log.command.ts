import { Command } from 'commander';
import {
  copyLog,
  EventStoreDbLogTarget,
  PostgresLogTarget,
  redactUrl,
  type CopyLogResult,
  type LogTarget,
} from '@cl/event-store';
import { LEDGER_STREAM_PREFIXES, migrateLedgerDatabase } from '@cl/cultivation';
import type { Logger } from 'pino';
import { progressBar } from '../progress-bar';
import { ledgerPool, withLedger } from '../ledger-command';

const POSTGRES = /^postgres(ql)?:\/\//;
const EVENTSTOREDB = /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kurrent|kurrent\+discover):\/\//;

/** The store a `--to` names: another PostgreSQL (migrated first) or EventStoreDB. */
async function openTarget(to: string, logger: Logger): Promise<LogTarget> {
  if (POSTGRES.test(to)) {
    await migrateLedgerDatabase(to, logger);
    return new PostgresLogTarget(to);
  }
  if (EVENTSTOREDB.test(to)) {
    return new EventStoreDbLogTarget({ connectionString: to, streamPrefixes: [...LEDGER_STREAM_PREFIXES] });
  }
  throw new Error(`copy-log: --to must be a postgres://… or esdb://… connection string, not ${redactUrl(to)}`);
}

function batchSizeOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`--batch-size takes 1 to 100000, not ${value}`);
  return n;
}

function report(result: CopyLogResult, target: string): string {
  const { source } = result;
  const resumed = result.resumedAfter === null ? '' : ` (resumed after event ${result.resumedAfter})`;
  const head = `copy-log: ${result.copiedEvents} events copied to ${target}${resumed}`;
  if (result.differences.length > 0) {
    return `${head}\ncopy-log: the logs DIFFER:\n  ${result.differences.join('\n  ')}\n`;
  }
  return (
    `${head}\ncopy-log: both logs hold the same ${source.events} events in the same order ` +
    `(${source.firstEventId ?? '-'} … ${source.lastEventId ?? '-'}, SHA-256 ${source.eventsDigest}) ` +
    `and the same ${source.commands} command records\n`
  );
}

/**
 * `copy-log --to TARGET`: the PostgreSQL log into another store, resumable (it continues after the target's last
 * event), compared at the end. Ctrl-C stops between two batches; run it again to go on.
 */
export function copyLogCommand(): Command {
  return new Command('copy-log')
    .description('copy the event log into another store (postgres://… or esdb://…), resumably, and compare both logs')
    .requiredOption('--to <target>', 'the target store: postgres://… (migrated first) or esdb://…')
    .option('--batch-size <n>', 'events per write (default 5000)', batchSizeOption)
    .action(async (options: { to: string; batchSize?: number }) => {
      const outcome = await withLedger(async (ledger, config, logger) => {
        if (config.eventStore === 'eventstoredb') throw new Error('copy-log: the log to copy must be in PostgreSQL');
        if (options.to === ledger.databaseUrl) throw new Error("copy-log: --to names the ledger's own database");
        const target = await openTarget(options.to, logger);
        const source = ledgerPool(ledger.databaseUrl, logger);
        const stop = new AbortController();
        const interrupt = () => stop.abort();
        process.once('SIGINT', interrupt);
        process.once('SIGTERM', interrupt);
        const bar = progressBar('copy-log');
        try {
          const result = await copyLog(source, target, {
            batchSize: options.batchSize,
            signal: stop.signal,
            onProgress: (p) => p.phase === 'events' && bar.update(p.done, p.total),
          });
          bar.stop();
          return { text: report(result, target.description), exitCode: result.differences.length > 0 ? 2 : 0 };
        } catch (error) {
          bar.stop();
          if (stop.signal.aborted) {
            const text = `copy-log: interrupted; what was copied stays in ${target.description}: run the same command again to go on\n`;
            return { text, exitCode: 130 };
          }
          throw error;
        } finally {
          process.off('SIGINT', interrupt);
          process.off('SIGTERM', interrupt);
          await Promise.all([source.end(), target.close()]);
        }
      });
      process.stdout.write(outcome.text);
      process.exitCode = outcome.exitCode;
    });
}
