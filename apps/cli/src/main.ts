import 'reflect-metadata';
import { Command } from 'commander';
import { tokenCommand } from './commands/token.command';

const program = new Command('cultivation-ledger')
  .description('Cultivation Ledger command line: tokens, imports, demo data, projections and the lapse sweep')
  .addCommand(tokenCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
