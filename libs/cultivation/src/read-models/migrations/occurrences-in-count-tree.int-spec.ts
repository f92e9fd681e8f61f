// Upgrading a ledger whose grants, renewals and ends are daily rows (occurrence_daily): the migration
// moves them into the count tree in SQL, and every number of occurrences up to a day is the old sum.
import { CreateEventStore1764288000000 } from '@cl/event-store';
import { useTestDatabase } from '@cl/testing';
import { DataSource } from 'typeorm';
import { addDays, type CalendarDate, compareDates } from '../../domain';
import { readCheckpoint } from '../projection/checkpoint';
import { readCounts } from '../queries/counts';
import { LIVE_SCHEMA } from '../schema';
import { READ_MODEL_MIGRATIONS } from '../index';
import { OccurrencesInCountTree1796140800000 } from './occurrences-in-count-tree.migration';

const BEFORE = [
  CreateEventStore1764288000000,
  ...READ_MODEL_MIGRATIONS.slice(0, READ_MODEL_MIGRATIONS.indexOf(OccurrencesInCountTree1796140800000)),
];
const open = (url: string, migrations: unknown[]) =>
  new DataSource({ type: 'postgres', url, migrations: migrations as never, logging: ['error'] }).initialize();

const KINDS = ['granted', 'renewed', 'ended'] as const;
interface Row {
  district: string;
  tier: string;
  day: CalendarDate;
  granted: number;
  renewed: number;
  ended: number;
}

describe('migration OccurrencesInCountTree1796140800000 on occurrences stored per day', () => {
  const db = useTestDatabase();
  let dataSource: DataSource;
  afterAll(() => dataSource?.destroy());

  it('converts them exactly beside the counts, drops occurrence_daily and says projection version 3', async () => {
    const before = await open(db.url, BEFORE);
    await before.runMigrations();
    let seed = 11;
    const next = (n: number) => (seed = (seed * 48_271) % 2_147_483_647) % n;
    const series = [
      ['*', 'TECH_SME'],
      ['120101', 'TECH_SME'],
      ['*', 'SRDI_SME'],
    ] as const;
    const rows = new Map<string, Row>();
    for (let i = 0; i < 2_000; i++) {
      const [district, tier] = series[next(series.length)]!;
      const day = addDays('2000-01-01' as CalendarDate, next(11_700));
      const row = rows.get(`${district}|${tier}|${day}`) ?? { district, tier, day, granted: 0, renewed: 0, ended: 0 };
      row[KINDS[next(3)]!] += 1 + next(3);
      rows.set(`${district}|${tier}|${day}`, row);
    }
    await before.query(
      `INSERT INTO read_model.occurrence_daily (district_code, tier, day, granted, renewed, ended)
       SELECT district, tier, day, granted, renewed, ended FROM jsonb_to_recordset($1::jsonb)
         AS x(district text, tier text, day date, granted int, renewed int, ended int)`,
      [JSON.stringify([...rows.values()])],
    );
    // A count the migration must leave as it is: 5 active from 2000-01-01 (+5 on day 1: nodes 1, 2, 4, … 65536).
    await before.query(`INSERT INTO read_model.count_tree (district_code, node, tier, metric, level, total)
      SELECT '*', 1 << k, 'TECH_SME', 'ACTIVE', 'ANY', 5 FROM generate_series(0, 16) AS k`);
    await before.query(
      `INSERT INTO read_model.projection_checkpoint (name, position, projection_version, snapshot_version)
       VALUES ('read_models', 42, 2, 1)`,
    );
    await before.destroy();

    dataSource = await open(db.url, [...BEFORE, OccurrencesInCountTree1796140800000]);
    await dataSource.runMigrations();

    const dates = ['1999-12-31', '2000-01-01', '2019-05-31', '2024-02-29', '2031-12-31'];
    for (let i = 0; i < 30; i++) dates.push(addDays('2000-01-01' as CalendarDate, next(11_800)));
    const cells = await readCounts(dataSource, {
      dates: dates as CalendarDate[],
      districts: ['*', '120101'],
      metrics: ['ACTIVE', 'GRANTED', 'RENEWED', 'ENDED'],
    });
    const read = new Map(cells.map((c) => [`${c.district}|${c.tier}|${c.metric}|${c.on}`, c.count]));
    for (const on of dates) {
      for (const [district, tier] of series) {
        for (const kind of KINDS) {
          const expected = [...rows.values()]
            .filter((r) => r.district === district && r.tier === tier && compareDates(r.day, on as CalendarDate) <= 0)
            .reduce((sum, r) => sum + r[kind], 0);
          const found = read.get(`${district}|${tier}|${kind.toUpperCase()}|${on}`) ?? 0;
          expect([on, district, tier, kind, found]).toEqual([on, district, tier, kind, expected]);
        }
      }
      expect([on, read.get(`*|TECH_SME|ACTIVE|${on}`) ?? 0]).toEqual([on, on < '2000-01-01' ? 0 : 5]);
    }
    const checkpoint = await readCheckpoint(dataSource, LIVE_SCHEMA);
    expect([checkpoint.position, checkpoint.projectionVersion]).toEqual(['42', 3]);
    const [{ present }] = await dataSource.query(
      `SELECT to_regclass('read_model.occurrence_daily') IS NOT NULL AS present`,
    );
    expect(present).toBe(false);

    // Rolled back, the previous release finds its table again and empty read models to replay into.
    await dataSource.undoLastMigration();
    const [after] = await dataSource.query(`SELECT
      (SELECT count(*)::int FROM read_model.occurrence_daily) AS occurrences,
      (SELECT count(*)::int FROM read_model.count_tree) AS nodes`);
    expect(after).toEqual({ occurrences: 0, nodes: 0 });
    const rolledBack = await readCheckpoint(dataSource, LIVE_SCHEMA);
    expect([rolledBack.position, rolledBack.projectionVersion]).toEqual([null, 2]);
  }, 120_000);
});
