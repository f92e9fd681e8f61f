// The export writers as a spreadsheet program reads their output.
import ExcelJS from 'exceljs';
import { csvWriter, excelDay, xlsxWriter } from '../apps/web/src/table/writers';

const TYPES = ['text', 'date', 'number'] as const;

describe('the export writers', () => {
  it('write an XLSX page by page: the title row, the header, dates as date cells, numbers as numbers', async () => {
    const writer = xlsxWriter('到期');
    writer.begin('到期｜区：全市', ['企业名称', '有效期至', '剩余天数'], [...TYPES]);
    writer.rows([['天津甲有限公司', '2026-12-31', 25]]);
    writer.rows([
      ['=SUM(A1)', '2027-01-01', 26],
      ['<乙&丙>', null, 0],
    ]);
    const blob = await writer.end();
    const book = new ExcelJS.Workbook();
    // exceljs types its input as an older Buffer than this Node's.
    await book.xlsx.load(Buffer.from(await blob.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('到期');
    expect(sheet.getCell('A1').value).toBe('到期｜区：全市');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['企业名称', '有效期至', '剩余天数']);
    expect(sheet.getCell('B3').value).toEqual(new Date(Date.UTC(2026, 11, 31)));
    expect(sheet.getCell('C3').value).toBe(25);
    expect(sheet.getCell('A4').value).toBe('=SUM(A1)'); // text, never a formula
    expect(sheet.getCell('A5').value).toBe('<乙&丙>');
    expect(sheet.actualRowCount).toBe(5);
  });

  it('write a CSV with a BOM, the title row first, formulas defused and commas quoted', async () => {
    const writer = csvWriter();
    writer.begin('企业｜区：全市', ['企业名称', '认定日期', '数'], [...TYPES]);
    writer.rows([['=1+1', '2026-01-01', 3]]);
    writer.rows([['甲,乙', null, -1]]);
    // Decoded as a spreadsheet program does, keeping the BOM to see it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await writer.end()).arrayBuffer());
    expect(text).toBe('\uFEFF企业｜区：全市\r\n企业名称,认定日期,数\r\n\'=1+1,2026-01-01,3\r\n"甲,乙",,-1\r\n');
  });

  it('count spreadsheet days from 1899-12-30', () => {
    expect(excelDay('1900-03-01')).toBe(61);
    expect(excelDay('2026-12-06')).toBe(46362);
    expect(excelDay('not a date')).toBeNull();
  });
});
