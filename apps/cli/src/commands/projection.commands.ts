import { Command } from 'commander';
import { rebuildReadModels, verifyReadModels, type ReplayProgress } from '@cl/cultivation';
import { progressBar } from '../progress-bar';
import { withLedger } from '../ledger-command';

/** The whole log's size, for the bar: positions are sparse, so count events as they arrive. */
function onProgress(bar: ReturnType<typeof progressBar>) {
  return (p: ReplayProgress) => bar.update(p.done, p.done + (p.phase === 'done' ? 0 : 1));
}

/** `rebuild`: replays the log into fresh tables and swaps them in while queries keep answering. */
export function rebuildCommand(): Command {
  return new Command('rebuild')
    .description('rebuild the read models from the event log and swap them in atomically')
    .action(async () => {
      await withLedger(async (ledger) => {
        const bar = progressBar('rebuild');
        const started = Date.now();
        const result = await rebuildReadModels(ledger.dataSource, ledger.store, { onProgress: onProgress(bar) });
        bar.stop();
        const seconds = (Date.now() - started) / 1000;
        process.stdout.write(
          `rebuilt the read models from ${result.events} events in ${seconds.toFixed(1)} s (position ${result.position ?? 'none'})\n`,
        );
      });
    });
}

/** `verify`: rebuilds into scratch tables and lists every difference from the live read models. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('compare the live read models with a fresh replay of the log (expect no difference)')
    .action(async () => {
      const differences = await withLedger(async (ledger) => {
        const bar = progressBar('verify');
        const found = await verifyReadModels(ledger.dataSource, ledger.store, { onProgress: onProgress(bar) });
        bar.stop();
        return found;
      });
      if (differences.length === 0) {
        process.stdout.write('verify: the read models match the event log\n');
        return;
      }
      process.stdout.write(`verify: ${differences.length} difference(s)\n${differences.join('\n')}\n`);
      process.exitCode = 2;
    });
}
