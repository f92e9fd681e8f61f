// From the bytes of an uploaded file to a table of text cells: XLSX through exceljs, CSV in UTF-8
// (BOM or not) or GBK. Anything else is refused whole, with a message that names the problem.
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { ImportFileRefused } from './import-errors';

export type FileFormat = 'CSV' | 'XLSX';
export type TextEncoding = 'UTF-8' | 'GBK';

/** One line of the file: its number as a spreadsheet shows it (1-based) and its cells as text. */
export interface TableLine {
  readonly line: number;
  readonly cells: string[];
}

export interface Table {
  readonly format: FileFormat;
  /** Of a CSV file; null for XLSX. */
  readonly encoding: TextEncoding | null;
  readonly lines: TableLine[];
}

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads an import file; throws ImportFileRefused when it is not a CSV or XLSX file we can decode. */
export async function readTable(bytes: Buffer, fileName: string): Promise<Table> {
  if (bytes.length === 0) throw new ImportFileRefused('FILE_EMPTY', `${fileName} is empty`);
  if (startsWith(bytes, ZIP)) return { format: 'XLSX', encoding: null, lines: await readWorkbook(bytes, fileName) };
  if (startsWith(bytes, OLE2)) {
    throw new ImportFileRefused(
      'FILE_FORMAT',
      `${fileName} is a legacy Excel 97–2003 (.xls) workbook: save it as .xlsx or CSV and import that`,
    );
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new ImportFileRefused('FILE_FORMAT', `${fileName} is neither a CSV text file nor an XLSX workbook`);
  }
  const { text, encoding } = decodeText(bytes, fileName);
  return { format: 'CSV', encoding, lines: parseCsv(text, fileName) };
}

/** Valid UTF-8 is UTF-8 (a BOM is dropped); anything else must decode as GBK (GB18030) without loss. */
export function decodeText(bytes: Buffer, fileName: string): { text: string; encoding: TextEncoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'UTF-8' };
  } catch {
    const text = iconv.decode(bytes, 'gb18030');
    if (text.includes('\uFFFD')) {
      throw new ImportFileRefused(
        'FILE_ENCODING',
        `${fileName} is neither UTF-8 nor GBK text: save it as CSV UTF-8 or as .xlsx`,
      );
    }
    return { text, encoding: 'GBK' };
  }
}

function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => first.split(c).length - 1;
  const candidates = [',', '\t', ';'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/**
 * Lines numbered as a spreadsheet shows them: a record per line whatever its ending (CRLF, LF or CR, mixed
 * in one file), empty lines counted, a quoted cell's own line breaks not (the cell is one spreadsheet row).
 */
function parseCsv(text: string, fileName: string): TableLine[] {
  try {
    const records = parse(text, {
      delimiter: delimiterOf(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false, // every record counts, so record i is line i + 1 (no `info`: it costs 40%)
    }) as string[][];
    return records
      .map((record, i) => ({ line: i + 1, cells: record.map((c) => c.trim()) }))
      .filter((line) => line.cells.some((c) => c !== ''));
  } catch (error) {
    throw new ImportFileRefused('FILE_FORMAT', `${fileName} is not a readable CSV file: ${(error as Error).message}`);
  }
}

const DAY_MS = 86_400_000;
/** exceljs's ValueType.Merge: a cell covered by another's merged range (its value getter returns the master's). */
const MERGED = 1;

/** A cell as text; date cells as YYYY-MM-DD (Excel stores them as days, exceljs hands them over as UTC). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return new Date(Math.round(value.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

async function readWorkbook(bytes: Buffer, fileName: string): Promise<TableLine[]> {
  // Loaded on the first XLSX upload, not at start: exceljs is ~27 MiB of the service's resident memory.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileRefused(
      'FILE_FORMAT',
      `${fileName} is not a readable XLSX workbook: ${(error as Error).message}`,
    );
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new ImportFileRefused('FILE_EMPTY', `${fileName} has no worksheet with data`);
  const lines: TableLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // A merged range's text is its first cell's only: a title or section merged across the row is one text.
      cells[column - 1] = cell.type === MERGED ? '' : cellText(cell.value).trim();
    });
    lines.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return lines;
}
