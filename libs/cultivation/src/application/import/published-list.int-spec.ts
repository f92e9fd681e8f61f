// A list shaped as the city publishes it (DOMAIN.md, "Lists as they really look"): a merged title, a header of
// 序号/企业名称/所属区, two sections (新认定, 复核通过), zone-named districts, short names, full-width brackets, a
// blank row and footnotes. The same list as an XLSX workbook (merged cells) and as a GBK CSV, each into its own
// ledger: every line's outcome, rule, action and suggestions, then a second import that writes nothing.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { PostgresEventStore } from '@cl/event-store';
import type { Actor } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { DataSource } from 'typeorm';
import { enterpriseStreamName } from '../../domain';
import { ProjectorService } from '../../read-models';
import { openReadSide } from '../../read-models/testing/read-model-fixture';
import { creditCode } from '../../read-models/testing/test-ledger';
import { FixedClock } from '../clock';
import { CommandExecutor } from '../commands';
import { CertificationImporter } from './certification-importer';
import type { ImportReport } from './import-report';

const TODAY = '2025-06-30';
const MUNICIPAL: Actor = { sub: 'importer', roles: ['MUNICIPAL_OFFICIAL'] };
const LIST = { tier: '创新型中小企业', grantedOn: '2025-06-20', batch: '2025年第一批' };

const E = {
  tianduan: creditCode(101),
  zhonghuan: creditCode(102),
  pengling: creditCode(103),
  yuanlian: creditCode(104),
  jingjingu: creditCode(105),
  dongjiang: creditCode(106),
  eco: creditCode(107),
  nankai: creditCode(108),
  huatai: creditCode(109),
  ocean: creditCode(110),
  decoy: creditCode(111),
};
// The registered cohort. The three to be re-reviewed hold 创新型 since 2022-07-01: their term ends 2025-06-30,
// within twelve months of the list's date (the renewal window).
const COHORT: [code: string, name: string, district: string, tier: string, grantedOn: string][] = [
  [E.tianduan, '天津市天锻压力机有限公司', '滨海新区', '科技型中小企业', '2025-03-01'],
  [E.zhonghuan, 'TCL中环新能源科技股份有限公司', '滨海新区', '科技型中小企业', '2025-03-01'],
  [E.pengling, '天津鹏翎集团股份有限公司', '滨海新区', '科技型中小企业', '2025-03-01'],
  [E.yuanlian, '天津远联信息技术有限公司', '滨海新区', '科技型中小企业', '2025-03-01'],
  [E.jingjingu, '天津京津谷智能装备有限公司', '武清区', '科技型中小企业', '2025-03-01'],
  [E.dongjiang, '天津东疆融资租赁有限公司', '滨海新区', '创新型中小企业', '2022-07-01'],
  [E.eco, '天津生态城绿色建筑科技有限公司', '滨海新区', '创新型中小企业', '2022-07-01'],
  [E.nankai, '天津南开数据科技有限公司', '南开区', '创新型中小企业', '2022-07-01'],
  [E.huatai, '天津华泰精密机械有限公司', '东丽区', '科技型中小企业', '2025-03-01'],
  [E.ocean, '天津(滨海)远洋物流有限公司', '滨海新区', '科技型中小企业', '2025-03-01'],
  // 天锻 is in this name too, but in 西青区: a row saying 滨海新区 is not offered it.
  [E.decoy, '天津天锻液压设备有限公司', '西青区', '科技型中小企业', '2025-03-01'],
];

interface Line {
  /** The cells from column A; one text alone is a title, section or note (merged across in the workbook). */
  readonly cells: string[];
  /** outcome, rule, action, credit code, suggested codes; absent for the header. */
  readonly expect?: [
    outcome: string,
    rule: string | null,
    action: string | null,
    code: string | null,
    suggested?: string[],
  ];
}

const LINES: Line[] = [
  { cells: ['2025年天津市创新型中小企业名单（第一批）'], expect: ['skipped', 'TITLE_ROW', null, null] },
  { cells: ['序号', '企业名称', '所属区'] },
  { cells: ['一、新认定企业'], expect: ['skipped', 'SECTION_ROW', 'GRANT', null] },
  { cells: ['1', '天津远联信息技术有限公司', '滨海新区（经开区）'], expect: ['accepted', null, 'GRANT', E.yuanlian] },
  {
    cells: ['2', '天津京津谷智能装备有限公司', '武清区（武清开发区）'],
    expect: ['accepted', null, 'GRANT', E.jingjingu],
  },
  { cells: ['3', '天津（滨海）远洋物流有限公司', '保税区'], expect: ['accepted', null, 'GRANT', E.ocean] },
  { cells: ['4', '天锻', '滨海新区'], expect: ['rejected', 'NAME_NOT_FOUND', 'GRANT', null, [E.tianduan]] },
  { cells: ['5', 'TCL中环', '高新区'], expect: ['rejected', 'NAME_NOT_FOUND', 'GRANT', null, [E.zhonghuan]] },
  { cells: ['6', '鹏翎集团', ''], expect: ['rejected', 'NAME_NOT_FOUND', 'GRANT', null, [E.pengling]] },
  {
    cells: ['7', '天津华泰精密机械制造有限公司', '东丽'],
    expect: ['rejected', 'NAME_NOT_FOUND', 'GRANT', null, [E.huatai]],
  },
  { cells: ['8', '天津雄安未来科技有限公司', '雄安新区'], expect: ['rejected', 'DISTRICT_UNKNOWN', 'GRANT', null] },
  { cells: [], expect: ['skipped', 'BLANK_ROW', null, null] },
  { cells: ['二、复核通过企业'], expect: ['skipped', 'SECTION_ROW', 'RENEW', null] },
  { cells: ['1', '天津东疆融资租赁有限公司', '东疆'], expect: ['accepted', null, 'RENEW', E.dongjiang] },
  { cells: ['2', '天津生态城绿色建筑科技有限公司', '中新天津生态城'], expect: ['accepted', null, 'RENEW', E.eco] },
  { cells: ['3', '天津南开数据科技有限公司', '南开'], expect: ['accepted', null, 'RENEW', E.nankai] },
  // Holds 科技型 only: nothing of this tier to re-review.
  { cells: ['4', '天津华泰精密机械有限公司', '东丽区'], expect: ['rejected', 'NO_ACTIVE_GRANT', 'RENEW', E.huatai] },
  { cells: ['注：排名不分先后'], expect: ['skipped', 'NOTE_ROW', null, null] },
  { cells: ['数据来源：天津市工业和信息化局'], expect: ['skipped', 'NOTE_ROW', null, null] },
];

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  LINES.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    line.cells.forEach((cell, c) => (row.getCell(c + 1).value = cell));
    if (line.cells.length === 1) sheet.mergeCells(i + 1, 1, i + 1, 3); // a title, section or note across the table
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** As Excel on a Chinese Windows saves "CSV (逗号分隔)": GBK, CRLF, every line as wide as the table. */
function gbkCsv(): Buffer {
  const text = LINES.map((l) => [...l.cells, '', '', ''].slice(0, 3).join(',')).join('\r\n');
  return iconv.encode(`${text}\r\n`, 'gbk');
}

const seedCsv = () =>
  ['统一社会信用代码,企业名称,所属区,认定类型,认定日期', ...COHORT.map((c) => c.join(','))].join('\n');

const FILES = [
  { format: 'XLSX', fileName: '2025年创新型中小企业名单.xlsx', bytes: workbook, encoding: null },
  { format: 'CSV', fileName: '2025年创新型中小企业名单.csv', bytes: async () => gbkCsv(), encoding: 'GBK' },
] as const;

describe.each(FILES)('a list as published, as $format', ({ format, fileName, bytes, encoding }) => {
  const clock = new FixedClock(new Date(`${TODAY}T04:00:00Z`));
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let close: () => Promise<void>;
  let importer: CertificationImporter;
  let projector: ProjectorService;

  afterAll(async () => {
    await projector.stop();
    await close();
  });
  const db = useTestDatabase();

  beforeAll(async () => {
    ({ dataSource, store, close } = await openReadSide(db.url));
    importer = new CertificationImporter(store, clock, new CommandExecutor(store, clock), dataSource);
    projector = new ProjectorService(dataSource, store, { error: () => undefined }, { autoStart: false });
    projector.start();
    const seeded = await importer.importFile(Buffer.from(seedCsv()), 'cohort.csv', { actor: MUNICIPAL });
    expect(seeded.summary).toMatchObject({ accepted: COHORT.length, rejected: 0 });
  }, 120_000);

  const importList = async () => importer.importFile(await bytes(), fileName, { actor: MUNICIPAL, list: LIST });
  const logEnd = async () =>
    (
      (await dataSource.query('SELECT count(*)::int AS n, max(global_position)::text AS p FROM events')) as unknown[]
    )[0];

  it('skips the title, sections, blank row and notes, applies each section to its rows, and only suggests', async () => {
    const report: ImportReport = await importList();
    expect(report.summary).toMatchObject({
      format,
      encoding,
      rows: 12,
      accepted: 6,
      duplicate: 0,
      rejected: 6,
      skipped: 6,
      enterprisesRegistered: 0,
      eventsWritten: 6,
    });
    const expected = LINES.flatMap((line, i) => (line.expect ? [{ rowNumber: i + 1, expect: line.expect }] : []));
    expect(
      report.rows.map((r) => ({
        rowNumber: r.rowNumber,
        expect: [
          r.outcome,
          r.rule,
          r.action,
          r.creditCode,
          ...(r.rule === 'NAME_NOT_FOUND' ? [r.suggestions.map((s) => s.creditCode)] : []),
        ],
      })),
    ).toEqual(expected);

    const byRow = new Map(report.rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(18)!.message).toBe('a note, not data: 「注：排名不分先后」');
    expect(byRow.get(11)!.message).toContain('unknown district 「雄安新区」');
    const tianduan = byRow.get(7)!.suggestions;
    expect(tianduan).toEqual([
      { creditCode: E.tianduan, name: '天津市天锻压力机有限公司', similarity: expect.any(Number) },
    ]);
    for (const r of report.rows) for (const s of r.suggestions) expect(s.similarity).toBeGreaterThan(0);

    // Grants on the list's date; renewals continue the term from the day after it ended.
    const granted = (await store.readStream(enterpriseStreamName(E.yuanlian))).at(-1)!;
    expect(granted).toMatchObject({
      type: 'CertificationGranted',
      data: { tier: 'INNOVATIVE_SME', grantedOn: '2025-06-20', batch: '2025年第一批' },
    });
    for (const code of [E.dongjiang, E.eco, E.nankai]) {
      const renewed = (await store.readStream(enterpriseStreamName(code))).at(-1)!;
      expect(renewed).toMatchObject({
        type: 'CertificationRenewed',
        data: { tier: 'INNOVATIVE_SME', renewedOn: '2025-06-20', validUntil: '2028-06-30' },
      });
    }
    // A suggestion is never applied: the enterprises suggested hold no 创新型 grant.
    for (const code of [E.tianduan, E.zhonghuan, E.pengling, E.huatai]) {
      const events = await store.readStream(enterpriseStreamName(code));
      expect(events.map((e) => (e.data as { tier?: string }).tier)).not.toContain('INNOVATIVE_SME');
    }
  }, 120_000);

  it('writes nothing when the same list is imported again', async () => {
    const end = await logEnd();
    const again = await importList();
    expect(again.summary).toMatchObject({ accepted: 0, duplicate: 6, rejected: 6, skipped: 6, eventsWritten: 0 });
    expect(await logEnd()).toEqual(end);
  }, 120_000);

  it("takes the list's action for rows above any section, and a section's below it", async () => {
    const text = [
      '序号,企业名称,所属区,认定日期',
      '1,天津生态城绿色建筑科技有限公司,生态城,2025-06-25',
      '新认定企业,,,',
      '1,天津天锻液压设备有限公司,西青,2025-06-25',
    ].join('\n');
    const report = await importer.importFile(Buffer.from(text), 'mixed.csv', {
      actor: MUNICIPAL,
      list: { tier: 'INNOVATIVE_SME', action: 'REVOKE' },
    });
    expect(report.rows.map((r) => [r.rowNumber, r.outcome, r.action, r.creditCode])).toEqual([
      [2, 'accepted', 'REVOKE', E.eco],
      [3, 'skipped', 'GRANT', null],
      [4, 'accepted', 'GRANT', E.decoy],
    ]);
    expect((await store.readStream(enterpriseStreamName(E.eco))).at(-1)).toMatchObject({
      type: 'CertificationRevoked',
      data: { tier: 'INNOVATIVE_SME', revokedOn: '2025-06-25', reason: 'FAILED_REVIEW' },
    });
  }, 120_000);
});
