// What an import did, row by row (the CSV a user opens in Excel to fix the refused rows: report-language.ts).
import type { NameSuggestion } from '../../read-models';
import type { ImportAction } from './list-lines';
import type { FileFormat, TextEncoding } from './read-table';

/** skipped: a title, note, section or blank row of the list; never data, never counted as a row. */
export type RowOutcome = 'accepted' | 'duplicate' | 'rejected' | 'skipped';

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
  /** For NAME_NOT_FOUND: up to three registered names resembling the row's, never applied. */
  readonly suggestions: readonly NameSuggestion[];
  /** What the row did or asked (its section's action, else the list's); null for a skipped line. */
  readonly action: ImportAction | null;
}

export interface ImportSummary {
  readonly fileName: string;
  readonly format: FileFormat;
  readonly encoding: TextEncoding | null;
  /** Data rows (skipped lines not counted). */
  readonly rows: number;
  readonly accepted: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly skipped: number;
  /** Streams created by this import. */
  readonly enterprisesRegistered: number;
  readonly eventsWritten: number;
  readonly durationMs: number;
}

export interface ImportReport {
  readonly summary: ImportSummary;
  /** In file order, skipped lines included. */
  readonly rows: ImportRowResult[];
}

// The CSV of the report is its presentation, in the reader's language: report-language.ts (reportCsv).

/** One line for a terminal or a log. */
export function summaryLine({ summary: s }: ImportReport): string {
  const rate = s.durationMs > 0 ? Math.round((s.rows * 1000) / s.durationMs) : s.rows;
  return (
    `${s.fileName} (${s.format}${s.encoding ? `, ${s.encoding}` : ''}): ${s.rows} rows — ` +
    `${s.accepted} accepted, ${s.duplicate} duplicate, ${s.rejected} rejected, ${s.skipped} lines skipped; ` +
    `${s.enterprisesRegistered} enterprises registered, ${s.eventsWritten} events written in ` +
    `${(s.durationMs / 1000).toFixed(1)} s (${rate} rows/s)`
  );
}
