// What an import did, row by row, and the CSV a user opens in Excel to fix the refused rows.
import type { FileFormat, TextEncoding } from './read-table';

export type RowOutcome = 'accepted' | 'duplicate' | 'rejected';

export interface ImportRowResult {
  readonly rowNumber: number;
  readonly creditCode: string;
  readonly outcome: RowOutcome;
  readonly rule: string | null;
  readonly field: string | null;
  readonly message: string | null;
}

export interface ImportSummary {
  readonly fileName: string;
  readonly format: FileFormat;
  readonly encoding: TextEncoding | null;
  readonly rows: number;
  readonly accepted: number;
  readonly duplicate: number;
  readonly rejected: number;
  /** Streams created by this import. */
  readonly enterprisesRegistered: number;
  readonly eventsWritten: number;
  readonly durationMs: number;
}

export interface ImportReport {
  readonly summary: ImportSummary;
  /** In file order. */
  readonly rows: ImportRowResult[];
}

const REPORT_HEADER = ['row', 'creditCode', 'outcome', 'rule', 'field', 'message'];

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The per-row report as CSV (UTF-8 with BOM, so that Excel shows the Chinese messages). */
export function reportCsv(report: ImportReport): string {
  const lines = [
    REPORT_HEADER,
    ...report.rows.map((r) => [r.rowNumber, r.creditCode, r.outcome, r.rule, r.field, r.message]),
  ];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** One line for a terminal or a log. */
export function summaryLine({ summary: s }: ImportReport): string {
  const rate = s.durationMs > 0 ? Math.round((s.rows * 1000) / s.durationMs) : s.rows;
  return (
    `${s.fileName} (${s.format}${s.encoding ? `, ${s.encoding}` : ''}): ${s.rows} rows — ` +
    `${s.accepted} accepted, ${s.duplicate} duplicate, ${s.rejected} rejected; ` +
    `${s.enterprisesRegistered} enterprises registered, ${s.eventsWritten} events written in ` +
    `${(s.durationMs / 1000).toFixed(1)} s (${rate} rows/s)`
  );
}
