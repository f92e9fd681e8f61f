import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import {
  CERTIFICATION_LEVELS,
  CertificationImporter,
  CommandExecutor,
  dateOf,
  DISTRICTS,
  IMPORT_ACTIONS,
  type ImportReport,
  type ImportAction,
  isCalendarDate,
  levelOf,
  type ListValues,
  ProjectorService,
  reportCsv,
  summaryLine,
  SystemClock,
  tierOf,
  TIERS,
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

interface ImportCliOptions {
  actorDistrict?: string;
  actor?: string;
  report?: string;
  batchSize: string;
  tier?: string;
  level?: string;
  grantedOn?: string;
  validUntil?: string;
  batch?: string;
  action?: string;
}

/** The list-level options, checked: a typo here would refuse every row. */
function listValues(opts: ImportCliOptions): ListValues {
  const tier = opts.tier === undefined ? undefined : tierOf(opts.tier);
  if (tier !== undefined && !(TIERS as readonly string[]).includes(tier)) {
    throw new Error(`--tier ${opts.tier}: not a tier (one of ${TIERS.join(', ')}, or its Chinese name)`);
  }
  const level = opts.level === undefined ? undefined : levelOf(opts.level);
  if (level != null && !(CERTIFICATION_LEVELS as readonly string[]).includes(level)) {
    throw new Error(
      `--level ${opts.level}: not a level (one of ${CERTIFICATION_LEVELS.join(', ')}, 国家级, 市级, 区级)`,
    );
  }
  const date = (flag: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const value = dateOf(text);
    if (value === null || !isCalendarDate(value)) throw new Error(`${flag} ${text}: not a date (YYYY-MM-DD)`);
    return value;
  };
  const action = opts.action?.toUpperCase();
  if (action !== undefined && !(IMPORT_ACTIONS as readonly string[]).includes(action)) {
    throw new Error(`--action ${opts.action}: not an action (one of ${IMPORT_ACTIONS.join(', ')})`);
  }
  return {
    tier,
    level,
    grantedOn: date('--granted-on', opts.grantedOn),
    validUntil: date('--valid-until', opts.validUntil),
    batch: opts.batch,
    action: action as ImportAction | undefined,
  };
}

/** The rows not found by name and the registered names they resemble, for the person at the terminal. */
function suggestionLines(report: ImportReport, limit = 20): string {
  const rows = report.rows.filter((r) => r.suggestions.length > 0);
  const lines = rows
    .slice(0, limit)
    .map(
      (r) =>
        `  row ${r.rowNumber} ${r.name}: not found; similar: ${r.suggestions.map((s) => `${s.name} (${s.creditCode})`).join('; ')}`,
    );
  if (rows.length > limit) lines.push(`  … ${rows.length - limit} more in the report`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** `import <file>`: certifications from a CSV or XLSX file, through the decider, with a per-row report. */
export function importCommand(): Command {
  return new Command('import')
    .description('import a CSV (UTF-8 or GBK) or XLSX file of certifications; writes a per-row report CSV')
    .argument('<file>', 'the CSV or XLSX file')
    .option('--actor-district <code>', 'import as a district official of this district (rows elsewhere are refused)')
    .option('--actor <name>', 'the person recorded as the actor of the events (default: the OS user name)')
    .option('--report <file>', 'where to write the per-row report (default <file>.report.csv)')
    .option('--tier <tier>', "the list's tier, for rows without one (a code such as SRDI_SME, or its Chinese name)")
    .option(
      '--level <level>',
      "the list's level, for rows without one (NATIONAL, MUNICIPAL, DISTRICT, 国家级, 市级, 区级)",
    )
    .option('--granted-on <date>', "the list's grant date (YYYY-MM-DD), for rows without one")
    .option('--valid-until <date>', "the list's validity end, for rows without one (default from the tier's policy)")
    .option('--batch <name>', "the list's batch (批次), for rows without one, e.g. 2025年第一批")
    .option(
      '--action <action>',
      'what every row does where no section row (新认定/复核通过/撤销…) says otherwise: GRANT (default), RENEW, REVOKE',
    )
    .option('--batch-size <streams>', 'enterprises per transaction', '500')
    .action(async (file: string, opts: ImportCliOptions) => {
      if (opts.actorDistrict && !DISTRICTS.some((d) => d.code === opts.actorDistrict)) {
        throw new Error(`--actor-district must be one of ${DISTRICTS.map((d) => d.code).join(', ')}`);
      }
      const batchStreams = Number(opts.batchSize);
      if (!Number.isInteger(batchStreams) || batchStreams < 1) {
        throw new Error('--batch-size must be a whole number ≥ 1');
      }
      const list = listValues(opts);
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
      const report = await withLedger(async (ledger, _config, logger) => {
        const clock = new SystemClock();
        const importer = new CertificationImporter(
          ledger.store,
          clock,
          new CommandExecutor(ledger.store, clock),
          ledger.dataSource,
        );
        // Rows matched by name need the read models at the log's head: a projector joins the election for
        // the import (a running API's projector may be the one doing the work).
        const projector = new ProjectorService(ledger.dataSource, ledger.store, logger, { autoStart: false });
        projector.start();
        const bar = rowsBar();
        try {
          return await importer.importFile(bytes, basename(file), {
            actor,
            correlationId: cliCorrelationId(),
            list,
            readModelWaitMs: 600_000, // its own projector may have a bulk load to catch up first
            batchStreams,
            onProgress: (done, total) => bar.update(done, total),
          });
        } finally {
          bar.stop();
          await projector.stop();
        }
      });
      writeFileSync(reportFile, reportCsv(report));
      process.stdout.write(`${summaryLine(report)}\n${suggestionLines(report)}report: ${reportFile}\n`);
      if (report.summary.rejected > 0) process.exitCode = 2; // some rows need fixing: scripts can tell
    });
}
