// B3 import: a generated 100,000-row CSV (60,000 new enterprises: a 科技型中小 row each, and a
// 创新型中小 row for 40,000 of them) through CertificationImporter.importFile, the import path.
import { PostgresEventStore } from '@cl/event-store';
import { CertificationImporter, CommandExecutor, demoCreditCode, DISTRICTS, FixedClock } from '@cl/cultivation';
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

/** The CSV: header in Chinese as the bureau's files have it, rows in enterprise order. */
export function importCsv(): Buffer {
  const lines = ['统一社会信用代码,企业名称,所属区,认定类型,级别,证书编号,认定日期,批次'];
  for (let i = 0; i < ENTERPRISES; i++) {
    const district = DISTRICTS[i % DISTRICTS.length]!.code;
    const code = demoCreditCode(B3_SEED, i, district);
    const name = `天津导入${i}科技有限公司`;
    lines.push(`${code},${name},${district},科技型中小企业,市级,TS-${i},2026-03-15,2026年第一批`);
    if (i < IMPORT_ROWS - ENTERPRISES) {
      lines.push(`${code},${name},${district},创新型中小企业,市级,IS-${i},2026-04-20,2026年第一批`);
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

export async function benchImport(url: string): Promise<ImportFigures> {
  const bytes = importCsv();
  const store = new PostgresEventStore({ url, poolSize: 10 });
  const clock = new FixedClock(new Date(`${BENCH_TODAY}T04:00:00Z`));
  const importer = new CertificationImporter(store, clock, new CommandExecutor(store, clock));
  try {
    const started = performance.now();
    const report = await importer.importFile(bytes, 'bench-import.csv', {
      actor: { sub: 'bench-importer', roles: ['MUNICIPAL_OFFICIAL'] },
      correlationId: 'bench-b3',
    });
    const seconds = (performance.now() - started) / 1000;
    const first = report.rows.find((r) => r.outcome === 'rejected');
    return {
      label: 'CSV with credit codes',
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
  } finally {
    await store.close();
  }
}
