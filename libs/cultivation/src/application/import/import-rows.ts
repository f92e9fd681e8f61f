// From a table to import rows: find the header (titles above it are skipped), check the required
// columns, and read each line's cells into the values the commands take.
import { type ColumnMap, COLUMN_LABELS, type ImportColumn, mapHeader, REQUIRED_COLUMNS } from './columns';
import { dateOf, districtOf, levelOf, tierOf } from './cell-values';
import { ImportFileRefused } from './import-errors';
import type { Table } from './read-table';

/** One data line of the file, normalised; unreadable values are kept as written for the decider to refuse. */
export interface ImportRow {
  /** The line number a spreadsheet shows. */
  readonly rowNumber: number;
  readonly creditCode: string;
  readonly name: string;
  readonly district: string;
  readonly tier: string;
  readonly level: string | null;
  readonly certificateNo: string | null;
  readonly grantedOn: string;
  readonly validUntil: string | null;
  readonly batch: string | null;
}

const HEADER_SEARCH_LINES = 20;

function findHeader(table: Table): { index: number; columns: ColumnMap } {
  let best: { index: number; columns: ColumnMap; found: number } | undefined;
  table.lines.slice(0, HEADER_SEARCH_LINES).forEach((line, index) => {
    const columns = mapHeader(line.cells);
    const found = Object.keys(columns).length;
    if (columns.creditCode !== undefined && found > (best?.found ?? 0)) best = { index, columns, found };
  });
  if (best) return best;
  const first = table.lines[0]?.cells.filter(Boolean).join(', ') ?? '';
  throw new ImportFileRefused(
    'COLUMNS_MISSING',
    `no header row with a ${COLUMN_LABELS.creditCode} column in the first ${HEADER_SEARCH_LINES} lines` +
      (first ? ` (the first line reads: ${first.slice(0, 200)})` : ''),
  );
}

/** The rows of a table; throws ImportFileRefused when a required column is missing or no row follows the header. */
export function importRows(table: Table, fileName: string): ImportRow[] {
  const { index, columns } = findHeader(table);
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length > 0) {
    throw new ImportFileRefused(
      'COLUMNS_MISSING',
      `${fileName} lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => COLUMN_LABELS[c]).join(', ')}` +
        ` (header on line ${table.lines[index]!.line})`,
    );
  }
  const rows = table.lines
    .slice(index + 1)
    .filter((line) => line.cells.some((c) => c !== ''))
    .map((line) => {
      const cell = (column: ImportColumn) => {
        const i = columns[column];
        return i === undefined ? '' : (line.cells[i] ?? '').trim();
      };
      const optional = (text: string) => (text === '' ? null : text);
      return {
        rowNumber: line.line,
        creditCode: cell('creditCode').toUpperCase(),
        name: cell('name'),
        district: districtOf(cell('district')),
        tier: tierOf(cell('tier')),
        level: levelOf(cell('level')),
        certificateNo: optional(cell('certificateNo')),
        grantedOn: dateOf(cell('grantedOn')) ?? '',
        validUntil: dateOf(cell('validUntil')),
        batch: optional(cell('batch')),
      };
    });
  if (rows.length === 0) throw new ImportFileRefused('FILE_EMPTY', `${fileName} has a header but no rows below it`);
  return rows;
}
