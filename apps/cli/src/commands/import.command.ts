import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import {
  CertificationImporter,
  CommandExecutor,
  DISTRICTS,
  reportCsv,
  summaryLine,
  SystemClock,
} from '@cl/cultivation';
import type { Actor } from '@cl/platform';
import { cliActorSub, cliCorrelationId, withLedger } from '../ledger-command';

/** A bar of rows on a terminal; nothing when stdout is a pipe or a CI log. */
function rowsBar(): { update(done: number, total: number): void; stop(): void } {
  if (!process.stdout.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: 'import [{bar}] {value}/{total} rows', hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

/** `import <file>`: certifications from a CSV or XLSX file, through the decider, with a per-row report. */
export function importCommand(): Command {
  return new Command('import')
    .description('import a CSV (UTF-8 or GBK) or XLSX file of certifications; writes a per-row report CSV')
    .argument('<file>', 'the CSV or XLSX file')
    .option('--actor-district <code>', 'import as a district official of this district (rows elsewhere are refused)')
    .option('--actor <name>', 'the person recorded as the actor of the events (default: the OS user name)')
    .option('--report <file>', 'where to write the per-row report (default <file>.report.csv)')
    .option('--batch <streams>', 'enterprises per transaction', '500')
    .action(async (file: string, opts: { actorDistrict?: string; actor?: string; report?: string; batch: string }) => {
      if (opts.actorDistrict && !DISTRICTS.some((d) => d.code === opts.actorDistrict)) {
        throw new Error(`--actor-district must be one of ${DISTRICTS.map((d) => d.code).join(', ')}`);
      }
      const batchStreams = Number(opts.batch);
      if (!Number.isInteger(batchStreams) || batchStreams < 1) throw new Error('--batch must be a whole number ≥ 1');
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new Error(`import: cannot read ${file}: ${(error as Error).message}`, { cause: error });
      }
      const sub = cliActorSub(opts.actor, 'import');
      const actor: Actor = opts.actorDistrict
        ? { sub, roles: ['DISTRICT_OFFICIAL'], district: opts.actorDistrict }
        : { sub, roles: ['MUNICIPAL_OFFICIAL'] };
      const reportFile = opts.report ?? `${file}.report.csv`;
      const report = await withLedger(async (ledger) => {
        const clock = new SystemClock();
        const importer = new CertificationImporter(ledger.store, clock, new CommandExecutor(ledger.store, clock));
        const bar = rowsBar();
        try {
          return await importer.importFile(bytes, basename(file), {
            actor,
            correlationId: cliCorrelationId(),
            batchStreams,
            onProgress: (done, total) => bar.update(done, total),
          });
        } finally {
          bar.stop();
        }
      });
      writeFileSync(reportFile, reportCsv(report));
      process.stdout.write(`${summaryLine(report)}\nreport: ${reportFile}\n`);
      if (report.summary.rejected > 0) process.exitCode = 2; // some rows need fixing: scripts can tell
    });
}
