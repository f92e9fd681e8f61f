import { Command } from 'commander';
import { REVERTIBLE_MIGRATIONS } from '@cl/cultivation';
import { revertLastMigration } from '@cl/platform';
import { withLedger } from '../ledger-command';

/**
 * `migrate`: applies pending migrations (as every process does at start); `--revert` instead undoes the last applied
 * one, for a rollback to the release before it (stop this release's processes first, or they re-apply it at start).
 */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply pending migrations; with --revert, undo the last read-model migration (for a rollback)')
    .option('--revert', 'undo the last applied migration (read-model migrations only: the log is never rewritten)')
    .action(async (options: { revert?: boolean }) => {
      // Reverting opens the database as it is (a second --revert goes one more step back, not one forth and back).
      await withLedger(
        async (ledger) => {
          if (!options.revert) {
            process.stdout.write('migrate: the database is up to date\n');
            return;
          }
          const reverted = await revertLastMigration(ledger.dataSource, REVERTIBLE_MIGRATIONS);
          process.stdout.write(
            reverted === null
              ? 'migrate: no migration is applied\n'
              : `migrate: reverted ${reverted}; start the previous release now (its projector replays what it needs)\n`,
          );
        },
        { migrate: !options.revert },
      );
    });
}
