// B3 import: a generated 100,000-row CSV (60,000 new enterprises: a 科技型中小 row each, and a
// 创新型中小 row for 40,000 of them) through CertificationImporter.importFile, the import path; then a
// name-only list of 100,000 rows as published (序号, 企业名称, 所属区, 认定类型; date and batch stated once
// for the list) naming those enterprises, one in ten with full-width digits, matched by name.
import { DataSource } from 'typeorm';
import { type EventStore, PostgresEventStore } from '@cl/event-store';
import {
  CertificationImporter,
  CommandExecutor,
  demoCreditCode,
  DISTRICTS,
  FixedClock,
  type ImportOptions,
  ProjectionStatusQueries,
  ProjectorService,
} from '@cl/cultivation';
import { BENCH_TODAY } from './seed';

export const IMPORT_ROWS = 100_000;
const ENTERPRISES = 60_000;
const B3_SEED = 8;

export interface ImportFigures {
  /** What the file is, for the table. */
  readonly label: string;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly firstRejection: string | null;
  readonly eventsWritten: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly eventsPerSecond: number;
  readonly fileBytes: number;
}

const nameOf = (i: number) => `天津导入${i}科技有限公司`;

/** The CSV: header in Chinese as the bureau's files have it, rows in enterprise order. */
export function importCsv(): Buffer {
  const lines = ['统一社会信用代码,企业名称,所属区,认定类型,级别,证书编号,认定日期,批次'];
  for (let i = 0; i < ENTERPRISES; i++) {
    const district = DISTRICTS[i % DISTRICTS.length]!.code;
    const code = demoCreditCode(B3_SEED, i, district);
    const name = nameOf(i);
    lines.push(`${code},${name},${district},科技型中小企业,市级,TS-${i},2026-03-15,2026年第一批`);
    if (i < IMPORT_ROWS - ENTERPRISES) {
      lines.push(`${code},${name},${district},创新型中小企业,市级,IS-${i},2026-04-20,2026年第一批`);
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

const FULL_WIDTH_DIGITS = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** The name-only list: 高新技术企业 for all 60,000, 专精特新中小企业 for the 40,000 innovative ones. */
export function nameOnlyCsv(): Buffer {
  const lines = ['序号,企业名称,所属区,认定类型'];
  let n = 0;
  for (let i = 0; i < ENTERPRISES; i++) {
    const district = DISTRICTS[i % DISTRICTS.length]!.name;
    const name = i % 10 === 0 ? FULL_WIDTH_DIGITS(nameOf(i)) : nameOf(i);
    lines.push(`${++n},${name},${district},高新技术企业`);
    if (i < IMPORT_ROWS - ENTERPRISES) lines.push(`${++n},${name},${district},专精特新中小企业`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function timedImport(
  importer: CertificationImporter,
  label: string,
  bytes: Buffer,
  options: Pick<ImportOptions, 'list' | 'correlationId'>,
): Promise<ImportFigures> {
  const started = performance.now();
  const report = await importer.importFile(bytes, `bench-${label}.csv`, {
    actor: { sub: 'bench-importer', roles: ['MUNICIPAL_OFFICIAL'] },
    ...options,
  });
  const seconds = (performance.now() - started) / 1000;
  const first = report.rows.find((r) => r.outcome === 'rejected');
  return {
    label,
    rows: report.summary.rows,
    accepted: report.summary.accepted,
    rejected: report.summary.rejected,
    firstRejection: first ? `${first.rowNumber}: ${first.rule} ${first.message}` : null,
    eventsWritten: report.summary.eventsWritten,
    seconds,
    rowsPerSecond: report.summary.rows / seconds,
    eventsPerSecond: report.summary.eventsWritten / seconds,
    fileBytes: bytes.length,
  };
}

async function withImporter<T>(
  url: string,
  work: (importer: CertificationImporter, store: EventStore, dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const store = new PostgresEventStore({ url, poolSize: 10 });
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 4 }, logging: ['error'] });
  await dataSource.initialize();
  const clock = new FixedClock(new Date(`${BENCH_TODAY}T04:00:00Z`));
  try {
    return await work(
      new CertificationImporter(store, clock, new CommandExecutor(store, clock), dataSource),
      store,
      dataSource,
    );
  } finally {
    await dataSource.destroy();
    await store.close();
  }
}

/** The list with credit codes (registers the 60,000 enterprises). */
export function benchImport(url: string): Promise<ImportFigures> {
  return withImporter(url, (importer) =>
    timedImport(importer, 'CSV with credit codes', importCsv(), { correlationId: 'bench-b3' }),
  );
}

/**
 * The name-only list, after benchImport: the read models are first brought to the log's head (not timed:
 * a running service's projector keeps them there), then the list is imported, matched by name.
 */
export function benchNameOnlyImport(url: string, log: (line: string) => void): Promise<ImportFigures> {
  return withImporter(url, async (importer, store, dataSource) => {
    const head = await store.head();
    const projector = new ProjectorService(dataSource, store, { error: () => undefined }, { autoStart: false });
    const started = performance.now();
    projector.start();
    try {
      if (head !== null && !(await new ProjectionStatusQueries(dataSource, store).waitForPosition(head, 1_800_000))) {
        throw new Error('B3 name-only: the read models did not reach the head in 30 minutes');
      }
      log(`  read models at the head in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed)`);
    } finally {
      await projector.stop();
    }
    return timedImport(importer, 'name-only list', nameOnlyCsv(), {
      correlationId: 'bench-b3-names',
      list: { grantedOn: '2026-05-20', batch: '2026年第二批' },
    });
  });
}
