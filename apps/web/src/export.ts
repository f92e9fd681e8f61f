// Exports: the whole answer a view's filter selects, read page by page and written as it arrives.
import { t } from './i18n';
import { headerOf, type Cell, type Column } from './table/columns';
import { csvWriter, xlsxWriter, type SheetWriter } from './table/writers';

export type ExportFormat = 'csv' | 'xlsx';

/** What was selected: the view, then each filter as label and value (the district and a date always). */
export interface Selection {
  view: string;
  filters: [label: string, value: string][];
}

/** Characters no file system takes, and spaces, become "_". */
export function fileNameOf(...parts: (string | undefined | null)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join('_')
    .replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** The file's first row: 企业｜区：滨海新区｜持有日期：2026-12-06 … */
export function titleOf(selection: Selection): string {
  return [selection.view, ...selection.filters.map(([label, value]) => `${label}：${value}`)].join('｜');
}

export function exportFileName(selection: Selection, format: ExportFormat): string {
  return `${fileNameOf(selection.view, ...selection.filters.map(([, value]) => value))}.${format}`;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  download(new Blob([text], { type }), fileName);
}

/** Export cancelled by the user: nothing is downloaded. */
export class ExportCancelled extends Error {
  constructor() {
    super(t('exportCancelled'));
    this.name = 'ExportCancelled';
  }
}

/** What an export button writes: a column list, the rows page after page, what was selected. */
export interface ExportSpec<Row> {
  columns: readonly Column<Row>[];
  /** The whole answer, page after page (read only when someone exports). */
  pages: (signal: AbortSignal) => AsyncIterable<Row[]>;
  selection: () => Selection;
  /** The row count the answer will have, when known (the progress bar's end). */
  total?: number | null;
  testid?: string;
}

export interface ExportRequest<Row> {
  selection: Selection;
  columns: readonly Column<Row>[];
  /** The rows, page after page (one array a page). */
  pages: AsyncIterable<Row[]>;
  format: ExportFormat;
  signal?: AbortSignal;
  onProgress?: (written: number) => void;
}

/** Writes every page into a CSV or XLSX and downloads it; returns the number of data rows written. */
export async function exportRows<Row>(request: ExportRequest<Row>): Promise<number> {
  const { selection, columns, format, signal } = request;
  const writer: SheetWriter = format === 'csv' ? csvWriter() : xlsxWriter(selection.view);
  writer.begin(
    titleOf(selection),
    columns.map((c) => headerOf(c)),
    columns.map((c) => c.type ?? 'text'),
  );
  let written = 0;
  for await (const page of request.pages) {
    if (signal?.aborted) throw new ExportCancelled();
    writer.rows(page.map((row): Cell[] => columns.map((c) => c.value(row))));
    written += page.length;
    request.onProgress?.(written);
  }
  if (signal?.aborted) throw new ExportCancelled();
  download(await writer.end(), exportFileName(selection, format));
  return written;
}

/** An array already on the page, as one page. */
export async function* onePage<Row>(rows: Row[]): AsyncIterable<Row[]> {
  yield rows;
}
