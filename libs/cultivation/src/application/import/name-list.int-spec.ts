// Lists as they are published (DOMAIN.md): a name-only list of a few thousand rows against a registered
// cohort, matched by current and former names, with a report a district official can act on.
import type { PostgresEventStore } from '@cl/event-store';
import type { Actor } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { DataSource } from 'typeorm';
import { DISTRICTS, enterpriseStreamName } from '../../domain';
import { ProjectorService } from '../../read-models';
import { openReadSide } from '../../read-models/testing/read-model-fixture';
import { creditCode, TestLedger } from '../../read-models/testing/test-ledger';
import { FixedClock } from '../clock';
import { CommandExecutor } from '../commands';
import { EnterpriseQueries, ProjectionStatusQueries } from '../queries';
import { CertificationImporter } from './certification-importer';
import type { ImportReport } from './import-report';
import { reportCsv } from './report-language';

const TODAY = '2025-06-30';
const MUNICIPAL: Actor = { sub: 'importer', roles: ['MUNICIPAL_OFFICIAL'] };
const COHORT = 2400;
const RENAMED = 40; // enterprises 0..39 renamed: the list names them by their former name

const district = (i: number) => DISTRICTS[i % DISTRICTS.length]!;
const nameOf = (i: number) => (i % 4 === 0 ? `天津(${i})智能科技有限公司` : `天津${i}号科技有限公司`);
const newNameOf = (i: number) => `天津${i}号新材料有限公司`;
/** As a notice may print it: full-width digits and brackets, an ideographic space. */
const fullWidth = (name: string) =>
  name
    .replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    .replace('(', '（')
    .replace(')', '）')
    .replace('科技', '科技\u3000');

// Two enterprises one key apart (full-width vs half-width brackets), both in 东丽区; a former name that is
// another enterprise's current name, both in 和平区; one name in two districts.
const TWINS = [creditCode(9001), creditCode(9002)];
const FORMER_CLASH = [creditCode(9003), creditCode(9004)];
const SAME_NAME = [creditCode(9005), creditCode(9006)];
const EXTRA: [code: string, name: string, district: string][] = [
  [TWINS[0]!, '天津(东丽)双子星科技有限公司', '东丽区'],
  [TWINS[1]!, '天津（东丽）双子星科技有限公司', '东丽区'],
  [FORMER_CLASH[0]!, '天津旧名贸易有限公司', '和平区'],
  [SAME_NAME[0]!, '天津同名有限公司', '河西区'],
  [SAME_NAME[1]!, '天津同名有限公司', '南开区'],
];

const csvLine = (cells: string[]) =>
  cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

function cohortCsv(): string {
  const lines = ['统一社会信用代码,企业名称,所属区,认定类型,认定日期'];
  for (let i = 0; i < COHORT; i++) {
    lines.push(csvLine([creditCode(i + 1), nameOf(i), district(i).name, '科技型中小企业', '2025-03-01']));
  }
  for (const [code, name, where] of EXTRA) lines.push(csvLine([code, name, where, '科技型中小企业', '2025-03-01']));
  return `${lines.join('\r\n')}\r\n`;
}

interface Expected {
  rowNumber: number;
  creditCode: string | null;
  rule?: string;
  candidates?: string[];
}

/** The published list: 序号, 企业名称, 所属区, 备注; LF and CRLF mixed, one remark over three lines. */
function publishedList(): { text: string; expected: Expected[] } {
  const rows: [name: string, where: string, expected: Omit<Expected, 'rowNumber'>][] = [];
  for (let i = 0; i < COHORT; i++) {
    const name = i % 7 === 3 ? fullWidth(nameOf(i)) : nameOf(i); // the former name for 0..39
    rows.push([name, district(i).name, { creditCode: creditCode(i + 1) }]);
  }
  rows.push([
    '天津（东丽）双子星科技有限公司',
    '东丽区',
    { creditCode: null, rule: 'NAME_AMBIGUOUS', candidates: TWINS },
  ]);
  rows.push(['天津旧名贸易有限公司', '和平区', { creditCode: null, rule: 'NAME_AMBIGUOUS', candidates: FORMER_CLASH }]);
  rows.push(['天津同名有限公司', '河西区', { creditCode: SAME_NAME[0]! }]);
  for (const unknown of ['天津不存在一有限公司', '天津不存在二有限公司', '天津不存在三有限公司']) {
    rows.push([unknown, '西青区', { creditCode: null, rule: 'NAME_NOT_FOUND' }]);
  }
  // 有限公司 and 有限责任公司 are different names.
  rows.push([
    nameOf(5).replace('有限公司', '有限责任公司'),
    district(5).name,
    { creditCode: null, rule: 'NAME_NOT_FOUND' },
  ]);
  // Shuffle the special rows into the cohort so that the numbering matters.
  const order = rows.map((_, k) => k);
  for (const [k, at] of [COHORT, COHORT + 1, COHORT + 2, COHORT + 3, COHORT + 4, COHORT + 5, COHORT + 6].map(
    (k, j) => [k, 50 + j * 300] as const,
  )) {
    order.splice(order.indexOf(k), 1);
    order.splice(at, 0, k);
  }
  let text = '序号,企业名称,所属区,备注\r\n';
  const expected: Expected[] = [];
  order.forEach((k, n) => {
    const [name, where, e] = rows[k]!;
    const remark = n === 10 ? '更名前\n名称\r\n见公告' : '';
    text += csvLine([String(n + 1), name, where, remark]) + (n % 2 === 0 ? '\n' : '\r\n');
    expected.push({ rowNumber: n + 2, ...e });
  });
  return { text, expected };
}

describe('importing a list as published (names, no credit codes)', () => {
  const clock = new FixedClock(new Date(`${TODAY}T04:00:00Z`));
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let close: () => Promise<void>;
  let importer: CertificationImporter;
  let projector: ProjectorService;
  const list = publishedList();
  const importList = () =>
    importer.importFile(Buffer.from(`\uFEFF${list.text}`), '2025年高新技术企业名单.csv', {
      actor: MUNICIPAL,
      list: { tier: '高新技术企业', grantedOn: '2025-06-20', batch: '2025年第一批' },
      batchStreams: 400,
    });

  // Declared before the test database so that it runs first: the projector stops before the database goes.
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
    const seeded = await importer.importFile(Buffer.from(cohortCsv()), 'cohort.csv', { actor: MUNICIPAL });
    expect(seeded.summary).toMatchObject({ accepted: COHORT + EXTRA.length, rejected: 0 });
    const ledger = new TestLedger(store);
    for (let i = 0; i < RENAMED; i++) {
      await ledger.run(creditCode(i + 1), TODAY, {
        type: 'RenameEnterprise',
        data: { name: newNameOf(i), effectiveOn: '2025-04-01' },
      });
    }
    await ledger.run(FORMER_CLASH[0]!, TODAY, {
      type: 'RenameEnterprise',
      data: { name: '天津新名贸易有限公司', effectiveOn: '2025-04-01' },
    });
    await ledger.run(FORMER_CLASH[1]!, TODAY, {
      type: 'RegisterEnterprise',
      data: { creditCode: FORMER_CLASH[1]!, name: '天津旧名贸易有限公司', district: '120101' },
    });
    // No waiting here: the import itself waits for the read models to reach these renames.
  }, 180_000);

  let report: ImportReport;
  /** The end of the log: every event, settled or not (head() waits for open transactions, the projector's too). */
  const logEnd = async () =>
    (
      (await dataSource.query('SELECT count(*)::int AS n, max(global_position)::text AS p FROM events')) as unknown[]
    )[0];

  it('matches every row it can by current, former or differently printed name, and says why not for the rest', async () => {
    report = await importList();
    expect(report.summary).toMatchObject({
      rows: COHORT + 7,
      accepted: COHORT + 1,
      duplicate: 0,
      rejected: 6,
      enterprisesRegistered: 0,
      eventsWritten: COHORT + 1,
    });
    const got = report.rows.map((r) => ({
      rowNumber: r.rowNumber,
      creditCode: r.creditCode,
      ...(r.rule ? { rule: r.rule } : {}),
      ...(r.candidates.length > 0 ? { candidates: [...r.candidates] } : {}),
    }));
    expect(got).toEqual(list.expected); // numbered as a spreadsheet shows it, whatever the line endings

    const ambiguous = report.rows.find((r) => r.candidates.includes(FORMER_CLASH[0]!))!;
    expect(ambiguous).toMatchObject({ outcome: 'rejected', column: '企业名称', name: '天津旧名贸易有限公司' });
    expect(ambiguous.message).toContain(`${FORMER_CLASH[0]} (天津旧名贸易有限公司, a former name, 和平区)`);
    expect(ambiguous.message).toContain('add the credit code of the one meant');
    const unknown = report.rows.find((r) => r.name === '天津不存在一有限公司')!;
    expect(unknown).toMatchObject({
      outcome: 'rejected',
      column: '企业名称',
      rule: 'NAME_NOT_FOUND',
      creditCode: null,
    });
    expect(unknown.message).toMatch(/^no registered enterprise is named 天津不存在一有限公司 in 西青区/);
    // 有限责任公司 is not 有限公司: not matched, but the registered name is offered (only offered: nothing written).
    const otherForm = report.rows.find((r) => r.name === nameOf(5).replace('有限公司', '有限责任公司'))!;
    expect(otherForm).toMatchObject({ outcome: 'rejected', rule: 'NAME_NOT_FOUND', creditCode: null });
    expect(otherForm.suggestions[0]).toEqual({ creditCode: creditCode(6), name: nameOf(5), similarity: 1 });
    expect(otherForm.suggestions.length).toBeLessThanOrEqual(3);

    const csv = reportCsv(report).split('\r\n');
    expect(csv[0]).toBe('\uFEFF行号,企业名称,统一社会信用代码,结果,列,规则,说明,候选企业,操作,相近企业');
    // the candidates a list of their own (one a line in the cell), not run into the message
    expect(csv).toContainEqual(
      expect.stringMatching(`,未导入,企业名称,NAME_AMBIGUOUS,该名称对应多家企业,"${TWINS.join('\n')}",认定,$`),
    );

    // The list-level values reached the events; a former name found the renamed enterprise.
    const renamed = await store.readStream(enterpriseStreamName(creditCode(1)));
    expect(renamed.at(-1)).toMatchObject({
      type: 'CertificationGranted',
      data: { tier: 'HIGH_TECH', grantedOn: '2025-06-20', batch: '2025年第一批' },
    });
  }, 180_000);

  it('writes nothing when the same list is imported again', async () => {
    const end = await logEnd();
    const again = await importList();
    expect(again.summary).toMatchObject({ accepted: 0, duplicate: COHORT + 1, rejected: 6, eventsWritten: 0 });
    expect(await logEnd()).toEqual(end);
  }, 180_000);

  it('finds enterprises by current or former name or credit-code prefix, and shows former names', async () => {
    const head = (await store.head())!;
    expect(await new ProjectionStatusQueries(dataSource, store).waitForPosition(head, 60_000)).toBe(true);
    const queries = new EnterpriseQueries(dataSource, clock);
    const byFormer = await queries.enterprises({ search: '天津(0)智能' });
    expect(byFormer.edges.map((e) => [e.node.creditCode, e.node.name, e.node.formerNames])).toEqual([
      [creditCode(1), newNameOf(0), [nameOf(0)]],
    ]);
    const fullWidthSearch = await queries.enterprises({ search: '（东丽）双子星' });
    expect(fullWidthSearch.edges.map((e) => e.node.creditCode)).toEqual(TWINS);
    const byPrefix = await queries.enterprises({ search: creditCode(9001).slice(0, 15).toLowerCase() }, 100);
    expect(byPrefix.edges.map((e) => e.node.creditCode)).toContain(creditCode(9001));
    expect(byPrefix.edges.every((e) => e.node.creditCode.startsWith(creditCode(9001).slice(0, 15)))).toBe(true);
  }, 120_000);

  it("holds a ladder's rungs in any row order, and finds by name an enterprise the same file registers", async () => {
    const code = creditCode(9200);
    const text = [
      '统一社会信用代码,企业名称,所属区,认定类型,认定日期',
      ',天津阶梯精工有限公司,北辰区,专精特新中小企业,2025-05-01',
      `${code},天津阶梯精工有限公司,北辰区,创新型中小企业,2025-01-10`,
    ].join('\n');
    const result = await importer.importFile(Buffer.from(text), 'ladder.csv', { actor: MUNICIPAL });
    expect(result.rows.map((r) => [r.rowNumber, r.outcome, r.creditCode])).toEqual([
      [2, 'accepted', code],
      [3, 'accepted', code],
    ]);
    const events = await store.readStream(enterpriseStreamName(code));
    expect(events.map((e) => (e.data as { tier?: string }).tier ?? e.type)).toEqual([
      'EnterpriseRegistered',
      'INNOVATIVE_SME',
      'SRDI_SME',
    ]);
  }, 120_000);

  it('reports a row whose grant was retracted as such, saying when and by whom, and writes nothing', async () => {
    const code = creditCode(9300);
    const text = `统一社会信用代码,企业名称,所属区,认定类型,认定日期\n${code},天津撤回有限公司,津南区,科技型中小企业,2025-02-01\n`;
    const first = await importer.importFile(Buffer.from(text), 'once.csv', { actor: MUNICIPAL });
    expect(first.summary.accepted).toBe(1);
    const grant = (await store.readStream(enterpriseStreamName(code))).find((e) => e.type === 'CertificationGranted')!;
    await new TestLedger(store).run(code, TODAY, {
      type: 'RetractCertification',
      data: { tier: 'TECH_SME', eventId: grant.eventId, reason: '录入错误' },
    });
    const end = await logEnd();
    for (const fileName of ['once.csv', 'another-file.csv']) {
      const again = await importer.importFile(
        Buffer.from(fileName === 'once.csv' ? text : text.replace('2025-02-01', '2025/2/1')),
        fileName,
        // the same row again (its command recorded), then the grant in another file with a batch (another command)
        { actor: MUNICIPAL, list: fileName === 'once.csv' ? {} : { batch: '补充批次' } },
      );
      expect(again.rows[0]).toMatchObject({ outcome: 'duplicate', rule: 'GRANT_RETRACTED', creditCode: code });
      expect(again.rows[0]!.message).toMatch(
        new RegExp(
          `^this TECH_SME grant of 2025-02-01 \\(event ${grant.eventId}\\) was retracted on \\d{4}-\\d{2}-\\d{2} by test \\(录入错误\\)`,
        ),
      );
    }
    expect(await logEnd()).toEqual(end);
  }, 120_000);

  it('names to a district official only the candidates located in their district', async () => {
    const dongli: Actor = { sub: 'dongli-official', roles: ['DISTRICT_OFFICIAL'], district: '120110' };
    const text = ['序号,企业名称', '1,天津同名有限公司', '2,天津(东丽)双子星科技有限公司'].join('\n');
    const result = await importer.importFile(Buffer.from(text), 'names.csv', {
      actor: dongli,
      list: { tier: 'HIGH_TECH', grantedOn: '2025-06-21' },
    });
    expect(result.rows.map((r) => [r.rule, r.candidates])).toEqual([
      ['NAME_AMBIGUOUS', []],
      ['NAME_AMBIGUOUS', TWINS],
    ]);
    expect(result.rows[0]!.message).toBe(
      '2 registered enterprises are named 天津同名有限公司: 2 located outside your district; add the credit code of the one meant',
    );
  }, 120_000);
});
