import 'reflect-metadata';
import { Command } from 'commander';
import { logProcessEvents } from '@cl/platform';
import { cliLogger } from './ledger-command';
import { tokenCommand } from './commands/token.command';
import { importCommand } from './commands/import.command';
import { demoCommand } from './commands/demo.command';
import { lapsesCommand } from './commands/lapses.command';
import { rebuildCommand, verifyCommand } from './commands/projection.commands';
import { migrateCommand } from './commands/migrate.command';
import { backupCommand, restoreCommand } from './commands/backup.commands';
import { copyLogCommand } from './commands/copy-log.command';

logProcessEvents(cliLogger());

const program = new Command('cultivation-ledger')
  .description('Cultivation Ledger command line: tokens, imports, demo data, projections and the lapse sweep')
  .addCommand(tokenCommand())
  .addCommand(rebuildCommand())
  .addCommand(verifyCommand())
  .addCommand(lapsesCommand())
  .addCommand(importCommand())
  .addCommand(demoCommand())
  .addCommand(migrateCommand())
  .addCommand(backupCommand())
  .addCommand(restoreCommand())
  .addCommand(copyLogCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  cliLogger().error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
