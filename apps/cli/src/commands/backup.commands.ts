import { createReadStream, createWriteStream } from 'node:fs';
import { access, rename, rm } from 'node:fs/promises';
import { Command } from 'commander';
import { checkBackup, restoreBackup, writeBackup } from '@cl/event-store';
import type { AppConfig } from '@cl/platform';
import { ledgerPool, withLedger } from '../ledger-command';

/** The log must be in PostgreSQL for these commands; with EventStoreDB it is backed up by EventStoreDB's own means. */
function requirePostgresLog(config: AppConfig, command: string): void {
  if (config.eventStore === 'eventstoredb') {
    throw new Error(
      `${command}: the events are in EventStoreDB (EVENT_STORE=eventstoredb): back them up with EventStoreDB's own backup; PostgreSQL holds only read models, which a rebuild replays`,
    );
  }
}

/** `backup FILE`: the whole log and the command records, from one snapshot, while the service runs. */
export function backupCommand(): Command {
  return new Command('backup')
    .description('write the event log and the command records to FILE (gzip, SHA-256 checked); the service may run')
    .argument('<file>', 'the backup to write (must not exist)')
    .action(async (file: string) => {
      if (
        await access(file).then(
          () => true,
          () => false,
        )
      ) {
        throw new Error(`backup: ${file} exists; choose a new file name (a backup never overwrites one)`);
      }
      await withLedger(async (ledger, config, logger) => {
        requirePostgresLog(config, 'backup');
        const pool = ledgerPool(ledger.databaseUrl, logger);
        // Written beside, renamed when whole: a file with the final name is always a complete backup.
        const partial = `${file}.partial`;
        try {
          const summary = await writeBackup(pool, createWriteStream(partial, { flags: 'wx' }));
          await rename(partial, file);
          process.stdout.write(
            `backup: ${summary.events} events and ${summary.commands} command records written to ${file} (SHA-256 ${summary.sha256})\n`,
          );
        } catch (error) {
          await rm(partial, { force: true });
          throw error;
        } finally {
          await pool.end();
        }
      });
    });
}

/** `restore FILE`: loads a backup into an empty ledger (all or nothing); `--check` only reads the file through. */
export function restoreCommand(): Command {
  return new Command('restore')
    .description('load a backup into an empty ledger (refuses a damaged file or a ledger that holds events)')
    .argument('<file>', 'a file written by `backup`')
    .option('--check', 'only check the file (structure, counts, SHA-256); no database is opened')
    .action(async (file: string, options: { check?: boolean }) => {
      if (options.check) {
        const checked = await checkBackup(createReadStream(file));
        process.stdout.write(
          `restore --check: ${file} is whole: ${checked.events} events and ${checked.commands} command records, written ${checked.header.createdAt}\n`,
        );
        return;
      }
      await withLedger(async (ledger, config, logger) => {
        requirePostgresLog(config, 'restore');
        const pool = ledgerPool(ledger.databaseUrl, logger);
        try {
          const result = await restoreBackup(pool, createReadStream(file));
          process.stdout.write(
            `restore: ${result.events} events and ${result.commands} command records restored from ${file}; ` +
              'now run `npm run rebuild` (then `npm run verify`) to build the read models from them\n',
          );
        } finally {
          await pool.end();
        }
      });
    });
}
