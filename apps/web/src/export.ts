/** One table to export: column headers in the page's language and the rows as plain values. */
export interface ExportTable {
  /** File name without extension, e.g. 进度_2026-12-01_全市. */
  name: string;
  headers: string[];
  rows: (string | number | null)[][];
}

/** Characters no file system takes, and spaces, become "_". */
export function fileNameOf(...parts: (string | undefined | null)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join('_')
    .replace(/[\\/:*?"<>|\s]+/g, '_');
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: quote it with an apostrophe.
  const safe = /^[=+\-@]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV in UTF-8 with a BOM (Excel opens Chinese text correctly), CRLF line ends. */
export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  download(new Blob([text], { type }), fileName);
}

export function downloadCsv(table: ExportTable): void {
  downloadText(toCsv(table), `${table.name}.csv`);
}

/** XLSX through exceljs, loaded only when someone exports (it is a large library). */
export async function downloadXlsx(table: ExportTable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.name.slice(0, 31).replace(/[[\]*?:/\\]/g, '_'));
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(
      ...[table.headers[i] ?? '', ...table.rows.map((r) => r[i] ?? '')].map((v) => String(v).length),
    );
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  download(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${table.name}.xlsx`,
  );
}
