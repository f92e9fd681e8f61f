import { Command } from 'commander';
import {
  describeStackedRenewals,
  findStackedRenewals,
  rebuildReadModels,
  verifyReadModels,
  type ReplayProgress,
} from '@cl/cultivation';
import { progressBar } from '../progress-bar';
import { withLedger } from '../ledger-command';

/** The whole log's size, for the bar: positions are sparse, so count events as they arrive. */
function onProgress(bar: ReturnType<typeof progressBar>) {
  return (p: ReplayProgress) => bar.update(p.done, p.done + (p.phase === 'done' ? 0 : 1));
}

const WORKERS_HELP = 'threads that fold the log (default: one per core; 1 folds in the main thread)';

/** A --workers value: a whole number ≥ 1. */
function workersOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--workers takes a whole number from 1, not ${value}`);
  return n;
}

/** `rebuild`: replays the log into fresh tables and swaps them in while queries keep answering. */
export function rebuildCommand(): Command {
  return new Command('rebuild')
    .description('rebuild the read models from the event log and swap them in atomically')
    .option('--workers <n>', WORKERS_HELP, workersOption)
    .action(async (options: { workers?: number }) => {
      await withLedger(async (ledger) => {
        const bar = progressBar('rebuild');
        const started = Date.now();
        const result = await rebuildReadModels(ledger.dataSource, ledger.store, {
          onProgress: onProgress(bar),
          workers: options.workers,
        });
        bar.stop();
        const seconds = (Date.now() - started) / 1000;
        process.stdout.write(
          `rebuilt the read models from ${result.events} events in ${seconds.toFixed(1)} s (position ${result.position ?? 'none'})\n`,
        );
      });
    });
}

/**
 * `verify`: rebuilds into scratch tables and lists every difference from the live read models, then every
 * renewal the log holds stacked on a term already renewed (or stretching a term beyond policy), for an auditor.
 */
export function verifyCommand(): Command {
  return new Command('verify')
    .description(
      'compare the live read models with a fresh replay of the log (expect no difference) and list stacked renewals',
    )
    .option('--workers <n>', WORKERS_HELP, workersOption)
    .action(async (options: { workers?: number }) => {
      const { differences, stacked } = await withLedger(async (ledger) => {
        const bar = progressBar('verify');
        const found = await verifyReadModels(ledger.dataSource, ledger.store, {
          onProgress: onProgress(bar),
          workers: options.workers,
        });
        bar.stop();
        return { differences: found, stacked: describeStackedRenewals(await findStackedRenewals(ledger.store)) };
      });
      if (differences.length === 0) process.stdout.write('verify: the read models match the event log\n');
      else process.stdout.write(`verify: ${differences.length} difference(s)\n${differences.join('\n')}\n`);
      if (stacked.length === 0) process.stdout.write('verify: no stacked renewals in the log\n');
      else
        process.stdout.write(
          `verify: ${stacked.length} stacked renewal(s) to retract (the latest of a grant first):\n${stacked.join('\n')}\n`,
        );
      if (differences.length || stacked.length) process.exitCode = 2;
    });
}
