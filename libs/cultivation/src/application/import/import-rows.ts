// From a table to import rows: find the header (titles above it are skipped), check the columns a row
// needs (or the list-level values standing in for them), and read each line's cells into the values the
// commands take.
import {
  type ColumnMap,
  COLUMN_LABELS,
  type HeaderNames,
  type ImportColumn,
  type ListLevelColumn,
  mapHeader,
  REQUIRED_COLUMNS,
} from './columns';
import { dateOf, districtOf, levelOf, tierOf } from './cell-values';
import { ImportFileRefused } from './import-errors';
import { type ImportAction, type SkippedLine, skipOf } from './list-lines';
import type { Table } from './read-table';

/** One data line of the file, normalised; unreadable values are kept as written for the decider to refuse. */
export interface ImportRow {
  /** The line number a spreadsheet shows. */
  readonly rowNumber: number;
  /** '' when the row has none: the enterprise is then found by name. */
  readonly creditCode: string;
  readonly name: string;
  /** '' when not given. */
  readonly district: string;
  readonly tier: string;
  readonly level: string | null;
  readonly certificateNo: string | null;
  /** What the row does: its section's action, else the list's, else GRANT. */
  readonly action: ImportAction;
  /** The row's date: the grant's grantedOn, the renewal's renewedOn or the revocation's revokedOn. */
  readonly grantedOn: string;
  readonly validUntil: string | null;
  readonly batch: string | null;
  /** The list-level values this row took because its own cell was blank or absent. */
  readonly fromList: readonly ListLevelColumn[];
}

/**
 * What a published notice states once for the whole list (DOMAIN.md, "Lists as they are published"):
 * each applies to every row whose own cell is blank or whose file lacks the column. As written by a user
 * (tier and level codes or Chinese names, dates in the forms `dateOf` reads).
 */
export type ListValues = Partial<Record<ListLevelColumn, string | null>> & {
  /** What every row does where no section row of the file says otherwise (default GRANT). */
  readonly action?: ImportAction | null;
};

/** The rows of a file and the header cells as written, for the report. */
export interface ImportTable {
  readonly rows: ImportRow[];
  /** Titles above the header, notes, sections and blank rows below it: never data. */
  readonly skipped: SkippedLine[];
  readonly headers: HeaderNames;
  /** The line of the header. */
  readonly headerLine: number;
}

const HEADER_SEARCH_LINES = 20;

function findHeader(table: Table): { index: number; columns: ColumnMap; headers: HeaderNames } {
  let best: { index: number; columns: ColumnMap; headers: HeaderNames; found: number } | undefined;
  table.lines.slice(0, HEADER_SEARCH_LINES).forEach((line, index) => {
    const { columns, headers } = mapHeader(line.cells);
    const found = Object.keys(columns).length;
    const names = columns.creditCode !== undefined || columns.name !== undefined;
    if (names && found > (best?.found ?? 0)) best = { index, columns, headers, found };
  });
  if (best) return best;
  const first = table.lines[0]?.cells.filter(Boolean).join(', ') ?? '';
  throw new ImportFileRefused(
    'COLUMNS_MISSING',
    `no header row with a ${COLUMN_LABELS.creditCode} or ${COLUMN_LABELS.name} column in the first ${HEADER_SEARCH_LINES} lines` +
      (first ? ` (the first line reads: ${first.slice(0, 200)})` : ''),
  );
}

const LIST_OPTION: Record<ListLevelColumn, string> = {
  tier: 'tier',
  level: 'level',
  grantedOn: 'grantedOn',
  validUntil: 'validUntil',
  batch: 'batch',
};

/**
 * The rows of a table, list-level values filled in; throws ImportFileRefused when a column a row needs
 * is neither in the file nor given for the list, or when no row follows the header.
 */
export function importRows(table: Table, fileName: string, list: ListValues = {}): ImportTable {
  const { index, columns, headers } = findHeader(table);
  const given = (c: ListLevelColumn) => (list[c] ?? '').trim() !== '';
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined && !given(c));
  if (missing.length > 0) {
    throw new ImportFileRefused(
      'COLUMNS_MISSING',
      `${fileName} lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => COLUMN_LABELS[c]).join(', ')}` +
        ` (header on line ${table.lines[index]!.line}): add ${missing.length > 1 ? 'them' : 'it'} to the file or give ` +
        `the list's ${missing.map((c) => LIST_OPTION[c]).join(' and ')}`,
    );
  }
  const skipped: SkippedLine[] = table.lines.slice(0, index).map((line) => ({
    rowNumber: line.line,
    rule: 'TITLE_ROW',
    text: line.cells.filter(Boolean).join(' '),
    action: null,
  }));
  const nameColumns = [columns.name, columns.creditCode].filter((c) => c !== undefined);
  let section: ImportAction | null = null;
  let previous = table.lines[index]!.line;
  const rows: ImportRow[] = [];
  for (const line of table.lines.slice(index + 1)) {
    // The table holds no blank lines: the line numbers it skips between two lines are blank rows of the list.
    for (let blank = previous + 1; blank < line.line; blank++) {
      skipped.push({ rowNumber: blank, rule: 'BLANK_ROW', text: '', action: null });
    }
    previous = line.line;
    const skip = skipOf(line.cells, nameColumns);
    if (skip) {
      skipped.push({ rowNumber: line.line, ...skip });
      if (skip.action) section = skip.action;
      continue;
    }
    const fromList: ListLevelColumn[] = [];
    const cell = (column: ImportColumn) => {
      const i = columns[column];
      return i === undefined ? '' : (line.cells[i] ?? '').trim();
    };
    /** The row's cell, else the list's value (noted in fromList). */
    const value = (column: ListLevelColumn) => {
      const own = cell(column);
      if (own !== '' || !given(column)) return own;
      fromList.push(column);
      return list[column]!.trim();
    };
    const optional = (text: string) => (text === '' ? null : text);
    const district = cell('district');
    rows.push({
      rowNumber: line.line,
      creditCode: cell('creditCode').toUpperCase(),
      name: cell('name'),
      district: district === '' ? '' : districtOf(district),
      tier: tierOf(value('tier')),
      level: levelOf(value('level')),
      certificateNo: optional(cell('certificateNo')),
      action: section ?? list.action ?? 'GRANT',
      grantedOn: dateOf(value('grantedOn')) ?? '',
      validUntil: dateOf(value('validUntil')),
      batch: optional(value('batch')),
      fromList,
    });
  }
  if (rows.length === 0) throw new ImportFileRefused('FILE_EMPTY', `${fileName} has a header but no rows below it`);
  return { rows, skipped, headers, headerLine: table.lines[index]!.line };
}
