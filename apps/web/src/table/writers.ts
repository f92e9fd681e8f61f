// Export writers: each takes rows page by page and keeps only Blob parts (the browser spills large
// blobs to disk), so the page holds one page of rows at a time whatever the size of the answer.
import { Zip, ZipDeflate, strToU8 } from 'fflate';
/** A plain value: what a cell shows and what an export writes (dates as YYYY-MM-DD strings). */
export type Cell = string | number | null;

export interface SheetWriter {
  /** The title row (what was selected), then the header row. */
  begin(title: string, headers: string[], types: ('text' | 'number' | 'date')[]): void;
  rows(rows: Cell[][]): void;
  end(): Promise<Blob>;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: quote it with an apostrophe.
  const safe = /^[=+\-@]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** CSV in UTF-8 with a BOM (Excel opens Chinese text correctly), CRLF line ends. */
export function csvWriter(): SheetWriter {
  const parts: Blob[] = [];
  return {
    begin(title, headers) {
      parts.push(new Blob([`\uFEFF${csvLine([title])}${csvLine(headers)}`]));
    },
    rows(rows) {
      parts.push(new Blob([rows.map(csvLine).join('')]));
    },
    end: () => Promise.resolve(new Blob(parts, { type: 'text/csv;charset=utf-8' })),
  };
}

function xml(text: string): string {
  // Characters XML 1.0 cannot hold are dropped; the five special ones escaped.
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  );
}

/** Spreadsheet day number of a YYYY-MM-DD date (days since 1899-12-30). */
export function excelDay(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return Math.round((Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function colName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const STYLE = { header: 1, date: 2 } as const;
/** A worksheet's last row (XLSX): the title and header rows, then at most this many less two. */
export const XLSX_MAX_ROWS = 1_048_576;
const FIXED_FILES: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  // Style 1: bold (header); style 2: a date shown as yyyy-mm-dd.
  'xl/styles.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
};

/**
 * XLSX written as it goes: the sheet's XML is deflated page by page into the zip (fflate's streaming
 * Zip), so no workbook is held in memory. Dates are date cells, numbers numbers, the rest inline text.
 */
export function xlsxWriter(sheetName: string): SheetWriter {
  const parts: Blob[] = [];
  let failure: Error | undefined;
  let finished: (() => void) | undefined;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
    if (final) finished?.();
  });
  const whole = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  for (const [name, text] of Object.entries(FIXED_FILES)) whole(name, text);
  whole(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xml(sheetName.replace(/[[\]*?:/\\]/g, '_').slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  let rowNumber = 0;
  let types: ('text' | 'number' | 'date')[] = [];

  const cell = (ref: string, value: Cell, type: 'text' | 'number' | 'date', style?: number): string => {
    const s = style ? ` s="${style}"` : '';
    if (value === null || value === '') return '';
    if (type === 'date' && typeof value === 'string') {
      const day = excelDay(value);
      if (day !== null) return `<c r="${ref}" s="${STYLE.date}"><v>${day}</v></c>`;
    }
    if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
    return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xml(String(value))}</t></is></c>`;
  };
  const row = (cells: Cell[], rowTypes: ('text' | 'number' | 'date')[], style?: number): string => {
    rowNumber += 1;
    const inner = cells.map((v, i) => cell(`${colName(i)}${rowNumber}`, v, rowTypes[i] ?? 'text', style)).join('');
    return `<row r="${rowNumber}">${inner}</row>`;
  };
  const push = (text: string, final = false) => sheet.push(strToU8(text), final);

  return {
    begin(title, headers, columnTypes) {
      types = columnTypes;
      const widths = headers
        .map((h, i) => {
          const width = Math.max(h.length * 2 + 2, types[i] === 'date' ? 12 : types[i] === 'number' ? 10 : 16);
          return `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, width)}" customWidth="1"/>`;
        })
        .join('');
      push(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${widths}</cols><sheetData>` +
          row([title], ['text'], STYLE.header) +
          row(
            headers,
            headers.map(() => 'text'),
            STYLE.header,
          ),
      );
    },
    rows(rows) {
      if (rowNumber + rows.length > XLSX_MAX_ROWS) throw new RangeError(`XLSX holds ${XLSX_MAX_ROWS} rows`);
      push(rows.map((r) => row(r, types)).join(''));
    },
    end() {
      const done = new Promise<void>((resolve) => (finished = resolve));
      push('</sheetData></worksheet>', true);
      zip.end();
      return done.then(() => {
        if (failure) throw failure;
        return new Blob(parts, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      });
    },
  };
}
