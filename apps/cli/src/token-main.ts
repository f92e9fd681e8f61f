// `npm run token`: the token command alone, loading only what signing needs (no Nest, TypeORM or GraphQL), so a
// token prints in a fraction of a second. `npm run cli -- token` is the same command inside the whole CLI.
import { tokenCommand } from './commands/token.command';

tokenCommand()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
