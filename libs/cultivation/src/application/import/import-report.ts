// What an import did, row by row, and the CSV a user opens in Excel to fix the refused rows.
import type { FileFormat, TextEncoding } from './read-table';
import { presentRow, reportHeaders, type Language } from './report-language';

export type RowOutcome = 'accepted' | 'duplicate' | 'rejected';

export interface ImportRowResult {
  readonly rowNumber: number;
  /** The enterprise's name as the row writes it. */
  readonly name: string;
  /** The enterprise the row was matched to or registered as; the row's own text when unreadable; null when none. */
  readonly creditCode: string | null;
  readonly outcome: RowOutcome;
  /** The header cell, as written in the file, of the value a refusal concerns (null when not a column's). */
  readonly column: string | null;
  readonly rule: string | null;
  /** The command field the rule concerns (tier, grantedOn, …). */
  readonly field: string | null;
  readonly message: string | null;
  /** For NAME_AMBIGUOUS: the credit codes the name matched. */
  readonly candidates: readonly string[];
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

function csvField(value: string | number | null | undefined): string {
  const raw = value == null ? '' : String(value);
  const text = /^[=+@\t\r]/.test(raw) ? `'${raw}` : raw; // a name from the file is never run as a formula
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The per-row report as CSV in `language` (UTF-8 with BOM, so that Excel shows the Chinese text). */
export function reportCsv(report: ImportReport, language: Language = 'zh-CN'): string {
  const lines = [
    reportHeaders(language),
    ...report.rows.map((r) => {
      const shown = presentRow(r, language);
      // one candidate a line inside the cell: a list, not run into the message
      return [
        r.rowNumber,
        r.name,
        r.creditCode,
        shown.outcome,
        shown.column,
        r.rule,
        shown.message,
        shown.candidates.join('\n'),
      ];
    }),
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
