import { Command } from 'commander';
import { SYSTEM_ACTOR } from '@cl/cultivation';
import { catchUpReadModels, cliCorrelationId, lapseSweepFor, withLedger } from '../ledger-command';

/** `lapses`: the expiry sweep, as the daily schedule runs it. */
export function lapsesCommand(): Command {
  return new Command('lapses')
    .description('write CertificationLapsed for every grant whose validity has passed (idempotent)')
    .option('--as-of <date>', 'sweep as of this date (YYYY-MM-DD, default today in Tianjin)')
    .action(async (opts: { asOf?: string }) => {
      const written = await withLedger(async (ledger, _config, logger) => {
        // the sweep finds its candidates through the read models: bring them up to date first
        if (!(await catchUpReadModels(ledger, logger)))
          throw new Error('lapses: the read models did not catch up with the log in time');
        return lapseSweepFor(ledger).run(opts.asOf, SYSTEM_ACTOR, cliCorrelationId());
      });
      process.stdout.write(`lapses: wrote ${written} CertificationLapsed event(s)\n`);
    });
}
