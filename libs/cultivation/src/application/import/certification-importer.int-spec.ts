import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DataSource } from 'typeorm';
import { type EventStore, PostgresEventStore } from '@cl/event-store';
import type { Actor } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import { creditCodeCheckCharacter, enterpriseStreamName } from '../../domain';
import { FixedClock } from '../clock';
import { CommandExecutor } from '../commands';
import { LEDGER_MIGRATIONS } from '../../runtime/open-ledger';
import { CertificationImporter } from './certification-importer';
import { ImportFileRefused } from './import-errors';
import type { ImportReport } from './import-report';
import { reportCsv } from './report-language';

const code = (n: number) => {
  const first17 = `91120116MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
};
const badCheck = (n: number) => code(n).slice(0, 17) + (code(n).endsWith('0') ? '1' : '0');
const MUNICIPAL: Actor = { sub: 'importer', roles: ['MUNICIPAL_OFFICIAL'] };

const HEADER_ZH = [
  '统一社会信用代码',
  '企业名称',
  '所属区',
  '认定类型',
  '级别',
  '证书编号',
  '认定日期',
  '有效期至',
  '批次',
];
// Good, duplicate and bad rows (today is 2025-06-30).
const ROWS_ZH = [
  [
    code(1),
    '天津甲科技有限公司',
    '滨海新区',
    '科技型中小企业',
    '市级',
    '2025120116A0000001',
    '2025/3/15',
    '',
    '2025年第一批',
  ],
  [code(1), '天津甲科技有限公司', '滨海新区', '高新技术企业', '', 'GR202412000273', '2024年11月20日', '', ''],
  [
    code(1),
    '天津甲科技有限公司',
    '滨海新区',
    '科技型中小企业',
    '市级',
    '2025120116A0000001',
    '2025-03-15',
    '',
    '2025年第一批',
  ],
  [badCheck(2), '天津乙有限公司', '120116', 'TECH_SME', '', '', '2025-01-10', '', ''],
  [code(3), '天津丙制造有限公司', '西青区', '专精特新中小企业', '', '', '2025-02-01', '', ''],
  [code(4), '天津丁有限公司', '120104', 'HIGH_TECH', '', '', '2025-08-01', '', ''],
  [code(5), '天津戊有限公司', '雄安新区', 'TECH_SME', '', '', '2025-01-10', '', ''],
  [code(6), '天津己有限公司', '南开区', 'HIGH_TECH', '', 'HT-12345', '2024-12-01', '', ''],
  [code(7), '天津庚精密有限公司', '武清', '创新型中小企业', '市级', '', '2024-05-06', '', '2024'],
  [code(7), '天津庚精密有限公司', '武清', '专精特新中小企业', 'MUNICIPAL', '', '2024-05-06', '2027-05-05', '2024'],
];

type Expect = [outcome: string, rule?: string, field?: string];
const EXPECTED_ZH: Expect[] = [
  ['accepted'],
  ['accepted'],
  ['duplicate'],
  ['rejected', 'CREDIT_CODE_CHECK', 'creditCode'],
  ['rejected', 'PREREQUISITE_MISSING', 'tier'],
  ['rejected', 'EFFECTIVE_DATE_IN_FUTURE', 'grantedOn'],
  ['rejected', 'DISTRICT_UNKNOWN', 'district'],
  ['rejected', 'CERTIFICATE_NO_FORMAT', 'certificateNo'],
  ['accepted'],
  ['accepted'],
];

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

function outcomes(report: ImportReport): Expect[] {
  return report.rows.map((r) => (r.outcome === 'rejected' ? [r.outcome, r.rule!, r.field!] : [r.outcome]));
}

async function migrated(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations: LEDGER_MIGRATIONS });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

describe('CertificationImporter (PostgreSQL)', () => {
  const db = useTestDatabase();
  const clock = new FixedClock(new Date('2025-06-30T04:00:00Z'));
  let store: EventStore;
  let dataSource: DataSource;
  let importer: CertificationImporter;
  let dir: string;

  beforeAll(async () => {
    dataSource = await migrated(db.url);
    store = new PostgresEventStore({ url: db.url, poolSize: 5 });
    importer = new CertificationImporter(store, clock, new CommandExecutor(store, clock), dataSource);
    dir = mkdtempSync(join(tmpdir(), 'cl-import-'));
  });
  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const fixture = (name: string, content: Buffer | string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return readFileSync(file);
  };

  it('imports a UTF-8 CSV with BOM and Chinese headers: good rows written, each bad row refused with its rule', async () => {
    const bytes = fixture('zh-bom.csv', '\uFEFF' + csv([HEADER_ZH, ...ROWS_ZH]));
    const report = await importer.importFile(bytes, 'zh-bom.csv', { actor: MUNICIPAL, batchStreams: 2 });

    expect(report.summary).toMatchObject({
      format: 'CSV',
      encoding: 'UTF-8',
      rows: 10,
      accepted: 4,
      duplicate: 1,
      rejected: 5,
      enterprisesRegistered: 2,
      eventsWritten: 6,
    });
    expect(outcomes(report)).toEqual(EXPECTED_ZH);
    expect(report.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(report.rows[2]!.message).toBe('same certification as row 2');

    const events = await store.readStream(enterpriseStreamName(code(1)));
    expect(events.map((e) => e.type)).toEqual(['EnterpriseRegistered', 'CertificationGranted', 'CertificationGranted']);
    expect(events[0]!.data).toEqual({ creditCode: code(1), name: '天津甲科技有限公司', districtCode: '120116' });
    // Applied in effective-date order: the HIGH_TECH grant of 2024 (row 3) before the TECH_SME one of 2025 (row 2).
    expect(events[1]!.data).toMatchObject({ tier: 'HIGH_TECH', grantedOn: '2024-11-20', validUntil: '2027-11-19' });
    expect(events[2]!.data).toMatchObject({
      tier: 'TECH_SME',
      level: 'MUNICIPAL',
      grantedOn: '2025-03-15',
      validUntil: '2025-12-31',
      batch: '2025年第一批',
    });
    expect(events[0]!.metadata).toMatchObject({ source: 'IMPORT', actor: MUNICIPAL, schemaVersion: 1 });
    // Register and grant of one row are one command.
    expect(events[0]!.metadata.commandId).toBe(events[1]!.metadata.commandId);
    expect(events[2]!.metadata.commandId).not.toBe(events[1]!.metadata.commandId);
    const same = await store.readStream(enterpriseStreamName(code(7)));
    expect(same.map((e) => e.data.tier ?? e.type)).toEqual(['EnterpriseRegistered', 'INNOVATIVE_SME', 'SRDI_SME']);
    expect(await store.readStream(enterpriseStreamName(code(3)))).toEqual([]); // refused row: nothing, not even the registration

    const lines = reportCsv(report).split('\r\n');
    // in the reader's language: zh-CN unless English is asked for
    expect(lines[0]).toBe('\uFEFF行号,企业名称,统一社会信用代码,结果,列,规则,说明,候选企业,操作,相近企业');
    expect(lines[4]).toMatch(
      new RegExp(
        `^5,天津乙有限公司,${badCheck(2)},未导入,统一社会信用代码,CREDIT_CODE_CHECK,统一社会信用代码校验位不正确,`,
      ),
    );
    const english = reportCsv(report, 'en').split('\r\n');
    expect(english[0]).toBe('\uFEFFRow,Name,Credit code,Outcome,Column,Rule,Message,Candidates,Action,Suggestions');
    expect(english[4]).toMatch(
      new RegExp(`^5,天津乙有限公司,${badCheck(2)},Refused,统一社会信用代码,CREDIT_CODE_CHECK,`),
    );
    expect(report.rows[5]).toMatchObject({ column: '认定日期', rule: 'EFFECTIVE_DATE_IN_FUTURE' });
  });

  it('writes nothing when the same file is imported again', async () => {
    const head = await store.head();
    const bytes = fixture('zh-bom.csv', '\uFEFF' + csv([HEADER_ZH, ...ROWS_ZH]));
    const report = await importer.importFile(bytes, 'zh-bom.csv', { actor: MUNICIPAL });
    expect(report.summary).toMatchObject({ accepted: 0, duplicate: 5, rejected: 5, eventsWritten: 0 });
    expect(await store.head()).toBe(head);
  });

  it('imports a GBK CSV; a grant already recorded from another file is a duplicate', async () => {
    const rows = [
      ['信用代码', '名称', '区县', '梯度', '级别', '入库登记编号', '发证日期', '有效期至', '批次'],
      [code(11), '天津辛电子有限公司', '东丽区', '科技型中小企业', '', '', '2025.4.1', '', ''],
      [code(12), '天津壬生物有限公司', '120113', '制造业单项冠军企业', '国家级', '', '2024-09-01', '2027-08-31', ''],
      [code(1), '天津甲科技有限公司', '滨海新区', '科小', '', '', '2025-03-15', '', '另一批次'],
      [code(13), '', '东丽区', 'TECH_SME', '', '', '2025-04-01', '', ''],
      [code(14), '天津癸有限公司', '东丽区', '星级企业', '', '', '2025-04-01', '', ''],
      [code(15), '天津子有限公司', '东丽区', 'TECH_SME', '', '', '2025-02-30', '', ''],
    ];
    const bytes = fixture('gbk.csv', iconv.encode(csv(rows), 'gbk'));
    expect(bytes.includes(Buffer.from('东丽区', 'utf8'))).toBe(false);
    const report = await importer.importFile(bytes, 'gbk.csv', { actor: MUNICIPAL });
    expect(report.summary).toMatchObject({ format: 'CSV', encoding: 'GBK', accepted: 2, duplicate: 1, rejected: 3 });
    expect(outcomes(report)).toEqual([
      ['accepted'],
      ['accepted'],
      ['duplicate'],
      ['rejected', 'NAME_REQUIRED', 'name'],
      ['rejected', 'TIER_UNKNOWN', 'tier'],
      ['rejected', 'DATE_FORMAT', 'grantedOn'],
    ]);
    const champion = await store.readStream(enterpriseStreamName(code(12)));
    expect(champion[0]!.data).toMatchObject({ name: '天津壬生物有限公司', districtCode: '120113' });
    expect(champion[1]!.data).toMatchObject({
      tier: 'SINGLE_CHAMPION',
      level: 'NATIONAL',
      skippedPrerequisites: ['LITTLE_GIANT'],
    });
  });

  it('imports an XLSX workbook with a title line, English headers and Excel date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['2025年天津市科技型企业认定名单']);
    sheet.addRow(['Credit code', 'Name', 'District', 'Tier', 'Level', 'Certificate No', 'Granted on', 'Valid until']);
    sheet.addRow([
      code(21),
      '天津丑有限公司',
      '和平区',
      'INNOVATIVE_SME',
      'MUNICIPAL',
      'CX-1',
      new Date(Date.UTC(2023, 5, 1)),
      null,
    ]);
    sheet.addRow([code(22), '天津寅有限公司', '河西区', '高新技术企业', null, 'GR202312000001', 45260, null]); // serial 45260 = 2023-11-30
    sheet.addRow([code(23), '天津卯有限公司', '河西区', 'LITTLE_GIANT', 'NATIONAL', null, '2024-07-01', null]);
    sheet.addRow([
      code(21),
      '天津丑有限公司',
      '和平区',
      'INNOVATIVE_SME',
      'MUNICIPAL',
      'CX-1',
      new Date(Date.UTC(2023, 5, 1)),
      '2026-05-31',
    ]);
    const file = join(dir, 'list.xlsx');
    await workbook.xlsx.writeFile(file);

    const report = await importer.importFile(readFileSync(file), 'list.xlsx', { actor: MUNICIPAL });
    expect(report.summary).toMatchObject({
      format: 'XLSX',
      encoding: null,
      rows: 4,
      accepted: 2,
      duplicate: 1,
      rejected: 1,
      skipped: 1,
    });
    expect(outcomes(report)).toEqual([
      ['skipped'], // the title above the header
      ['accepted'],
      ['accepted'],
      ['rejected', 'PREREQUISITE_MISSING', 'tier'],
      ['duplicate'], // the same grant with its default validity written out
    ]);
    expect(report.rows.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5, 6]);
    const [, granted] = await store.readStream(enterpriseStreamName(code(22)));
    expect(granted!.data).toMatchObject({
      tier: 'HIGH_TECH',
      grantedOn: '2023-11-30',
      certificateNo: 'GR202312000001',
    });
    const [, innovative] = await store.readStream(enterpriseStreamName(code(21)));
    expect(innovative!.data).toMatchObject({
      grantedOn: '2023-06-01',
      validUntil: '2026-05-31',
      certificateNo: 'CX-1',
    });
  });

  it('lets a district official import only rows of their district', async () => {
    const district: Actor = { sub: 'official', roles: ['DISTRICT_OFFICIAL'], district: '120110' };
    const rows = [
      HEADER_ZH,
      [code(31), '天津辰有限公司', '东丽区', 'TECH_SME', '', '', '2025-05-01', '', ''],
      [code(32), '天津巳有限公司', '滨海新区', 'TECH_SME', '', '', '2025-05-01', '', ''],
      [code(3), '天津丙制造有限公司', '东丽区', 'INNOVATIVE_SME', '', '', '2025-05-01', '', ''],
      [code(11), '天津辛电子有限公司', '东丽区', 'HIGH_TECH', '', '', '2025-05-01', '', ''],
      [code(1), '天津甲科技有限公司', '东丽区', 'INNOVATIVE_SME', '', '', '2025-05-01', '', ''],
    ];
    const report = await importer.importFile(fixture('district.csv', csv(rows)), 'district.csv', { actor: district });
    expect(outcomes(report)).toEqual([
      ['accepted'],
      ['rejected', 'DISTRICT_SCOPE', null as unknown as string],
      ['accepted'],
      ['accepted'],
      ['rejected', 'DISTRICT_SCOPE', null as unknown as string], // located in 120116, whatever the row says
    ]);
  });

  it('writes a batch that cannot be appended whole again stream by stream', async () => {
    let failures = 0;
    const flaky: EventStore = Object.create(store, {
      appendMany: {
        value: (requests: Parameters<EventStore['appendMany']>[0]) => {
          if (requests.length > 1 && failures++ === 0) return Promise.reject(new Error('connection reset'));
          return store.appendMany(requests);
        },
      },
    });
    const flakyImporter = new CertificationImporter(flaky, clock, new CommandExecutor(flaky, clock), dataSource);
    const rows = [
      HEADER_ZH,
      ...[41, 42, 43].map((n) => [code(n), `天津${n}有限公司`, '红桥区', 'TECH_SME', '', '', '2025-06-01', '', '']),
    ];
    const report = await flakyImporter.importFile(fixture('flaky.csv', csv(rows)), 'flaky.csv', { actor: MUNICIPAL });
    expect(failures).toBe(1);
    expect(report.summary).toMatchObject({ accepted: 3, rejected: 0, eventsWritten: 6 });
    expect(await store.streamVersion(enterpriseStreamName(code(43)))).toBe(1);
  });

  describe('refuses an unreadable file whole', () => {
    const refused = async (name: string, content: Buffer | string) => {
      const head = await store.head();
      const error = await importer.importFile(fixture(name, content), name, { actor: MUNICIPAL }).catch((e) => e);
      expect(error).toBeInstanceOf(ImportFileRefused);
      expect(await store.head()).toBe(head);
      return error as ImportFileRefused;
    };

    it('a file that is neither CSV nor XLSX', async () => {
      const error = await refused('scan.pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x02, 0xff]));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'FILE_FORMAT' });
      expect(error.message).toBe('scan.pdf is neither a CSV text file nor an XLSX workbook');
    });

    it('a legacy .xls workbook', async () => {
      const error = await refused('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
      expect(error.message).toMatch(/legacy Excel 97–2003 \(\.xls\).*save it as \.xlsx or CSV/);
    });

    it('text in neither UTF-8 nor GBK', async () => {
      const error = await refused('latin.csv', Buffer.from([0x41, 0x2c, 0xff, 0xfe, 0x80, 0x0a]));
      expect(error).toMatchObject({ rule: 'FILE_ENCODING' });
    });

    it('a CSV without the tier and date columns, naming them and the list values that would stand in', async () => {
      const error = await refused(
        'partial.csv',
        csv([
          ['统一社会信用代码', '企业名称', '所属区'],
          [code(51), '天津', '东丽区'],
        ]),
      );
      expect(error).toMatchObject({ rule: 'COLUMNS_MISSING' });
      expect(error.message).toBe(
        'partial.csv lacks the columns 认定类型 (tier), 认定日期 (granted on) (header on line 1): ' +
          "add them to the file or give the list's tier and grantedOn",
      );
    });

    it('a CSV with neither a credit code nor a name column', async () => {
      const error = await refused(
        'districts.csv',
        csv([
          ['所属区', '认定日期'],
          ['东丽区', '2025-01-01'],
        ]),
      );
      expect(error.message).toMatch(
        /no header row with a 统一社会信用代码 \(credit code\) or 企业名称 \(name\) column.*所属区, 认定日期/,
      );
    });

    it('a corrupt XLSX', async () => {
      const error = await refused(
        'broken.xlsx',
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]),
      );
      expect(error.message).toMatch(/^broken\.xlsx is not a readable XLSX workbook/);
    });
  });
});
