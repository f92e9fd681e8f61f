import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@cl/event-store';
import { type Actor, METRICS, type MetricsRecorder, NO_METRICS } from '@cl/platform';
import { enterpriseStreamName, isCalendarDate, parseCreditCode, TIERS, tierPolicyOn } from '../../domain';
import type { CalendarDate, Tier } from '../../domain';
import { Clock } from '../clock';
import { CommandExecutor } from '../commands';
import { EVENT_STORE } from '../tokens';
import { EnterpriseBatchWriter, refusalOf, type StreamWork, type UnitOutcome } from './batch-writer';
import type { HeaderNames } from './columns';
import type { ImportReport, ImportRowResult } from './import-report';
import { importRows, type ImportRow, type ListValues } from './import-rows';
import type { NameSuggestion } from '../../read-models';
import { IMPORT_ACTIONS, type SkippedLine } from './list-lines';
import { matchNames, type NameMatch, type NameDirectory, ReadModelNameDirectory } from './name-matching';
import { readTable } from './read-table';
import { importRowUnit } from './row-command';

export interface ImportOptions {
  readonly actor: Actor;
  /** Names this import in every event it writes (metadata.correlationId); default a new UUID. */
  readonly correlationId?: string;
  /** Values the published notice states once, for every row lacking the column (a row's own value wins). */
  readonly list?: ListValues;
  /**
   * How long rows matched by name wait for the read models to reach the log's head (default 30 s, enough
   * behind a running projector; the CLI, which may have to catch up a bulk load itself, waits longer).
   */
  readonly readModelWaitMs?: number;
  /** Streams per appendMany transaction (default 500). */
  readonly batchStreams?: number;
  /** Rows handled so far, of all rows; called after each batch. */
  readonly onProgress?: (done: number, total: number) => void;
}

interface Group {
  readonly work: StreamWork & { units: StreamWork['units'][number][] };
  /** Indexes into the rows, in the order of work.units. */
  readonly rows: number[];
}

/**
 * A row as the report shows it; `column` from the header as written, `field` for the command's name of it. Every
 * result is this one literal, fields in one order (one shape for the 100,000 rows of a large list).
 */
function rowResult(
  row: ImportRow,
  code: string | null,
  outcome: UnitOutcome,
  headers: HeaderNames,
  match: { candidates: readonly string[]; suggestions: readonly NameSuggestion[] } = NO_MATCH,
  duplicateMessage?: string,
): ImportRowResult {
  let column: string | null = null;
  let rule: string | null = null;
  let field: string | null = null;
  let message: string | null = null;
  if (outcome.status === 'rejected') {
    const named = outcome.field as keyof HeaderNames | null;
    const fromList = named !== null && (row.fromList as string[]).includes(named);
    column = named === null || fromList ? null : (headers[named] ?? null);
    rule = outcome.rule;
    field = outcome.field;
    message = fromList ? `${outcome.message} (the list's ${named}, given for every row)` : outcome.message;
  } else if (outcome.status === 'duplicate') {
    rule = outcome.note?.rule ?? null;
    message = duplicateMessage ?? outcome.note?.message ?? null;
  }
  return {
    rowNumber: row.rowNumber,
    name: row.name,
    creditCode: code,
    candidates: match.candidates,
    suggestions: match.suggestions,
    action: row.action,
    outcome: outcome.status,
    column,
    rule,
    field,
    message,
  };
}

const NO_MATCH = { candidates: [], suggestions: [] };

/** A title, note, section or blank line, as the report shows it. */
function skippedResult(line: SkippedLine): ImportRowResult {
  return {
    rowNumber: line.rowNumber,
    name: line.text,
    creditCode: null,
    candidates: [],
    suggestions: [],
    action: line.action,
    outcome: 'skipped',
    column: null,
    rule: line.rule,
    field: null,
    message: SKIP_MESSAGES[line.rule](line),
  };
}

const SKIP_MESSAGES: Record<SkippedLine['rule'], (line: SkippedLine) => string> = {
  TITLE_ROW: () => 'a title above the header: not data',
  NOTE_ROW: (l) => `a note, not data: 「${l.text}」`,
  SECTION_ROW: (l) => `section 「${l.text}」: the rows below it are ${l.action} rows`,
  BLANK_ROW: () => 'a blank row',
};

/** Within an enterprise: by date, then lower rungs first (a ladder's rungs in any row order), grant → renew → revoke. */
function applyOrder(row: ImportRow): [string, number] {
  if (!isCalendarDate(row.grantedOn)) return ['9999-99-99', 999]; // refused anyway: last
  const tier = (TIERS as readonly string[]).includes(row.tier) ? (row.tier as Tier) : null;
  const rung = tier ? tierPolicyOn(tier, row.grantedOn as CalendarDate).rung : 99;
  return [row.grantedOn, rung * 3 + IMPORT_ACTIONS.indexOf(row.action)];
}

/**
 * Imports a CSV or XLSX file of certifications: every row through the enterprise decider (register
 * when new, then grant), many streams per transaction; a refused row costs only itself. A row without
 * a credit code is matched by name against the registered enterprises' current and former names.
 */
@Injectable()
export class CertificationImporter {
  private readonly writer: EnterpriseBatchWriter;
  private readonly names: NameDirectory;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    executor: CommandExecutor,
    dataSource: DataSource,
    @Optional() @Inject(METRICS) private readonly metrics: MetricsRecorder = NO_METRICS,
  ) {
    this.writer = new EnterpriseBatchWriter(store, clock, executor);
    this.names = new ReadModelNameDirectory(dataSource, store);
  }

  /**
   * Reads, matches, decides and writes the file; throws ImportFileRefused (nothing written) when it is
   * unreadable, ReadModelsBehind (nothing written) when rows need matching by name and the read models
   * do not reach the log's head in time.
   */
  async importFile(bytes: Buffer, fileName: string, options: ImportOptions): Promise<ImportReport> {
    const started = performance.now();
    const table = await readTable(bytes, fileName);
    const { rows, skipped, headers } = importRows(table, fileName, options.list);
    const results = new Array<ImportRowResult>(rows.length);
    const refuse = (i: number, code: string | null, outcome: UnitOutcome) =>
      (results[i] = rowResult(rows[i]!, code, outcome, headers));

    // Who each row is: its credit code, else the one enterprise its name (and district) matches.
    const matches: (NameMatch | null)[] = await matchNames(rows, this.names, options.actor, options.readModelWaitMs);
    const groups = new Map<string, Group>();
    const firstRowOf = new Map<string, number>(); // command id → the row that first asked for it
    rows.forEach((written, i) => {
      const match = matches[i];
      if (match?.kind === 'refused') {
        results[i] = rowResult(written, null, { status: 'rejected', ...match.refusal }, headers, match);
        return;
      }
      const row = match?.kind === 'matched' ? match.row : written;
      let code;
      try {
        code = parseCreditCode(row.creditCode);
      } catch (error) {
        refuse(i, row.creditCode || null, { status: 'rejected', ...refusalOf(error)! });
        return;
      }
      const unit = importRowUnit(row, code, options.actor);
      const first = firstRowOf.get(unit.commandId);
      if (first !== undefined) {
        results[i] = rowResult(
          row,
          code,
          { status: 'duplicate' },
          headers,
          NO_MATCH,
          `same certification as row ${first}`,
        );
        return;
      }
      firstRowOf.set(unit.commandId, row.rowNumber);
      const streamId = enterpriseStreamName(code);
      const group = groups.get(streamId) ?? { work: { streamId, units: [] }, rows: [] };
      group.work.units.push(unit);
      group.rows.push(i);
      groups.set(streamId, group);
    });
    for (const group of groups.values()) sortGroup(group, rows);

    const context = {
      actor: options.actor,
      source: 'IMPORT' as const,
      correlationId: options.correlationId ?? randomUUID(),
    };
    const all = [...groups.values()];
    const size = options.batchStreams ?? 500;
    let registered = 0;
    let written = 0;
    let done = rows.length - all.reduce((n, g) => n + g.rows.length, 0);
    const groupOf = new Map<StreamWork, Group>(all.map((g) => [g.work, g]));
    await this.writer.writeAll(
      (function* () {
        for (let start = 0; start < all.length; start += size) yield all.slice(start, start + size).map((g) => g.work);
      })(),
      context,
      (works, outcomes) => {
        works.forEach((work, g) => {
          const code = work.streamId.slice(work.streamId.indexOf('-') + 1);
          groupOf.get(work)!.rows.forEach((i, u) => {
            const outcome = outcomes[g]![u]!;
            refuse(i, code, outcome);
            done++;
            if (outcome.status !== 'accepted') return;
            written += outcome.events.length;
            for (const e of outcome.events) if (e.type === 'EnterpriseRegistered') registered++;
          });
        });
        options.onProgress?.(done, rows.length);
      },
    );
    const counts = { accepted: 0, duplicate: 0, rejected: 0, skipped: 0 };
    for (const r of results) counts[r.outcome]++;
    // Skipped lines join the report in file order; they are not rows (summary.rows counts data rows only).
    const report = [...results, ...skipped.map(skippedResult)].sort((a, b) => a.rowNumber - b.rowNumber);
    for (const outcome of ['accepted', 'duplicate', 'rejected'] as const)
      this.metrics.importRows(outcome, counts[outcome]);
    return {
      summary: {
        fileName,
        format: table.format,
        encoding: table.encoding,
        rows: rows.length,
        accepted: counts.accepted,
        duplicate: counts.duplicate,
        rejected: counts.rejected,
        skipped: skipped.length,
        enterprisesRegistered: registered,
        eventsWritten: written,
        durationMs: Math.round(performance.now() - started),
      },
      rows: report,
    };
  }
}

/** Puts an enterprise's units in apply order (stable: file order among equals). */
function sortGroup(group: Group, rows: readonly ImportRow[]): void {
  if (group.rows.length < 2) return;
  const order = group.rows.map((i, u) => ({ u, i, key: applyOrder(rows[i]!) }));
  order.sort((a, b) => (a.key[0] < b.key[0] ? -1 : a.key[0] > b.key[0] ? 1 : a.key[1] - b.key[1] || a.u - b.u));
  const units = order.map((o) => group.work.units[o.u]!);
  group.work.units.splice(0, units.length, ...units);
  group.rows.splice(0, order.length, ...order.map((o) => o.i));
}
