import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EventStore } from '@cl/event-store';
import { type Actor, METRICS, type MetricsRecorder, NO_METRICS } from '@cl/platform';
import { enterpriseStreamName, parseCreditCode } from '../../domain';
import { Clock } from '../clock';
import { CommandExecutor } from '../commands';
import { EVENT_STORE } from '../tokens';
import { EnterpriseBatchWriter, refusalOf, type StreamWork, type UnitOutcome } from './batch-writer';
import type { ImportReport, ImportRowResult } from './import-report';
import { importRows, type ImportRow } from './import-rows';
import { readTable } from './read-table';
import { importRowUnit } from './row-command';

export interface ImportOptions {
  readonly actor: Actor;
  /** Names this import in every event it writes (metadata.correlationId); default a new UUID. */
  readonly correlationId?: string;
  /** Streams per appendMany transaction (default 500). */
  readonly batchStreams?: number;
  /** Rows handled so far, of all rows; called after each batch. */
  readonly onProgress?: (done: number, total: number) => void;
}

interface Group {
  readonly work: StreamWork & { units: StreamWork['units'][number][] };
  readonly rows: number[];
}

function rowResult(row: ImportRow, outcome: UnitOutcome): ImportRowResult {
  const base = { rowNumber: row.rowNumber, creditCode: row.creditCode };
  if (outcome.status === 'rejected') {
    return { ...base, outcome: 'rejected', rule: outcome.rule, field: outcome.field, message: outcome.message };
  }
  return { ...base, outcome: outcome.status, rule: null, field: null, message: null };
}

/**
 * Imports a CSV or XLSX file of certifications: every row through the enterprise decider (register
 * when new, then grant), many streams per transaction; a refused row costs only itself.
 */
@Injectable()
export class CertificationImporter {
  private readonly writer: EnterpriseBatchWriter;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    executor: CommandExecutor,
    @Optional() @Inject(METRICS) private readonly metrics: MetricsRecorder = NO_METRICS,
  ) {
    this.writer = new EnterpriseBatchWriter(store, clock, executor);
  }

  /** Reads, decides and writes the file; throws ImportFileRefused (nothing written) when it is unreadable. */
  async importFile(bytes: Buffer, fileName: string, options: ImportOptions): Promise<ImportReport> {
    const started = performance.now();
    const table = await readTable(bytes, fileName);
    const rows = importRows(table, fileName);
    const results = new Array<ImportRowResult>(rows.length);
    const groups = new Map<string, Group>();
    const firstRowOf = new Map<string, number>(); // command id → the row that first asked for it
    rows.forEach((row, i) => {
      let code;
      try {
        code = parseCreditCode(row.creditCode);
      } catch (error) {
        results[i] = rowResult(row, { status: 'rejected', ...refusalOf(error)! });
        return;
      }
      const unit = importRowUnit(row, code, options.actor);
      const first = firstRowOf.get(unit.commandId);
      if (first !== undefined) {
        results[i] = { ...rowResult(row, { status: 'duplicate' }), message: `same certification as row ${first}` };
        return;
      }
      firstRowOf.set(unit.commandId, row.rowNumber);
      const streamId = enterpriseStreamName(code);
      const group = groups.get(streamId) ?? { work: { streamId, units: [] }, rows: [] };
      group.work.units.push(unit);
      group.rows.push(i);
      groups.set(streamId, group);
    });

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
        works.forEach((work, g) =>
          groupOf.get(work)!.rows.forEach((i, u) => {
            const outcome = outcomes[g]![u]!;
            results[i] = rowResult(rows[i]!, outcome);
            done++;
            if (outcome.status !== 'accepted') return;
            written += outcome.events.length;
            registered += outcome.events.filter((e) => e.type === 'EnterpriseRegistered').length;
          }),
        );
        options.onProgress?.(done, rows.length);
      },
    );
    const count = (outcome: ImportRowResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
    for (const outcome of ['accepted', 'duplicate', 'rejected'] as const)
      this.metrics.importRows(outcome, count(outcome));
    return {
      summary: {
        fileName,
        format: table.format,
        encoding: table.encoding,
        rows: rows.length,
        accepted: count('accepted'),
        duplicate: count('duplicate'),
        rejected: count('rejected'),
        enterprisesRegistered: registered,
        eventsWritten: written,
        durationMs: Math.round(performance.now() - started),
      },
      rows: results,
    };
  }
}
