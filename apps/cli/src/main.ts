import 'reflect-metadata';
import { Command } from 'commander';
import { tokenCommand } from './commands/token.command';
import { lapsesCommand } from './commands/lapses.command';
import { rebuildCommand, verifyCommand } from './commands/projection.commands';

const program = new Command('cultivation-ledger')
  .description('Cultivation Ledger command line: tokens, imports, demo data, projections and the lapse sweep')
  .addCommand(tokenCommand())
  .addCommand(rebuildCommand())
  .addCommand(verifyCommand())
  .addCommand(lapsesCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
