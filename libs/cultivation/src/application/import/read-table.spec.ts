import { readTable } from './read-table';
import { importRows } from './import-rows';
import { nameKey } from '../../domain';

const rowsOf = async (text: string) => (await readTable(Buffer.from(text, 'utf8'), 'list.csv')).lines;

describe('reading a CSV as a spreadsheet shows it', () => {
  it('numbers lines the same whether they end in CRLF, LF or CR, mixed in one file', async () => {
    const lines = await rowsOf('序号,企业名称\r\n1,甲\n2,乙\r\n3,丙\r4,丁\n');
    expect(lines.map((l) => [l.line, l.cells[1]])).toEqual([
      [1, '企业名称'],
      [2, '甲'],
      [3, '乙'],
      [4, '丙'],
      [5, '丁'],
    ]);
  });

  it("counts a quoted cell's own line breaks as one row, and empty lines as rows", async () => {
    const lines = await rowsOf('序号,企业名称,备注\r\n1,甲,"第一行\r\n第二行\n第三行"\r\n\r\n2,乙,\n');
    expect(lines.map((l) => [l.line, l.cells[1]])).toEqual([
      [1, '企业名称'],
      [2, '甲'],
      [4, '乙'],
    ]);
    expect(lines[1]!.cells[2]).toBe('第一行\r\n第二行\n第三行');
  });
});

describe('list-level values', () => {
  const table = async (text: string) => readTable(Buffer.from(text, 'utf8'), 'list.csv');

  it('fill the rows that lack the column; a row value wins', async () => {
    const { rows, headers } = importRows(
      await table('序号,企业名称,所属区,认定日期\n1,天津甲有限公司,东丽区,\n2,天津乙有限公司,东丽区,2025/5/1\n'),
      'list.csv',
      { tier: '专精特新中小企业', grantedOn: '2025-06-20', batch: '2025年第一批', level: '市级' },
    );
    expect(headers).toEqual({ name: '企业名称', district: '所属区', grantedOn: '认定日期' });
    expect(rows.map((r) => [r.creditCode, r.tier, r.level, r.grantedOn, r.batch, r.district, r.fromList])).toEqual([
      ['', 'SRDI_SME', 'MUNICIPAL', '2025-06-20', '2025年第一批', '120110', ['tier', 'level', 'grantedOn', 'batch']],
      ['', 'SRDI_SME', 'MUNICIPAL', '2025-05-01', '2025年第一批', '120110', ['tier', 'level', 'batch']],
    ]);
  });
});

describe('nameKey', () => {
  it.each([
    ['天津（滨海）甲科技有限公司', '天津(滨海)甲科技有限公司'],
    ['天津 甲科技 有限公司', '天津甲科技有限公司'],
    ['天津\u3000甲科技有限公司', '天津甲科技有限公司'],
    ['ＡＢＣ（天津）１号有限公司', 'abc(天津)1号有限公司'],
  ])('%s and %s are the same name', (a, b) => expect(nameKey(a)).toBe(nameKey(b)));

  it('keeps 有限公司 and 有限责任公司 apart', () =>
    expect(nameKey('天津甲科技有限公司')).not.toBe(nameKey('天津甲科技有限责任公司')));
});
