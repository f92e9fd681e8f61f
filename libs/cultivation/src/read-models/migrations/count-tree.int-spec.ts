// Upgrading a ledger whose counts are daily and monthly deltas: the migration turns them into the count
// tree in SQL, and every count read afterwards is the sum of the old deltas up to that day.
import { CreateEventStore1764288000000 } from '@cl/event-store';
import { useTestDatabase } from '@cl/testing';
import { DataSource } from 'typeorm';
import { addDays, type CalendarDate, compareDates } from '../../domain';
import { readCheckpoint } from '../projection/checkpoint';
import { readCounts } from '../queries/counts';
import { LIVE_SCHEMA } from '../schema';
import { READ_MODEL_MIGRATIONS } from '../index';
import { CountTree1796124435000 } from './count-tree.migration';

/** The event store and the read models as the release before the count tree left them. */
const BEFORE = [
  CreateEventStore1764288000000,
  ...READ_MODEL_MIGRATIONS.slice(0, READ_MODEL_MIGRATIONS.indexOf(CountTree1796124435000)),
];
const open = (url: string, migrations: unknown[]) =>
  new DataSource({ type: 'postgres', url, migrations: migrations as never, logging: ['error'] }).initialize();

interface Delta {
  district: string;
  tier: string;
  metric: string;
  level: string;
  day: CalendarDate;
  delta: number;
}

describe('migration CountTree1796124435000 on counts stored as daily deltas', () => {
  const db = useTestDatabase();
  let dataSource: DataSource;
  afterAll(() => dataSource?.destroy());

  it('converts them exactly: every count is the old sum, and the checkpoint says projection version 2', async () => {
    const before = await open(db.url, BEFORE);
    await before.runMigrations();
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48_271) % 2_147_483_647) % n;
    const series = [
      ['*', 'TECH_SME', 'ACTIVE', 'ANY'],
      ['120101', 'TECH_SME', 'CUMULATIVE', 'ANY'],
      ['*', 'SRDI_SME', 'ACTIVE', 'PROVINCIAL'],
    ];
    const deltas = new Map<string, Delta>();
    for (let i = 0; i < 3_000; i++) {
      const [district, tier, metric, level] = series[next(series.length)]!;
      // 2000-01-01 … 2031: whole history, today, scheduled lapses; some deltas net to zero on a day.
      const day = addDays('2000-01-01' as CalendarDate, next(11_700));
      const key = `${district}|${tier}|${metric}|${level}|${day}`;
      const old = deltas.get(key);
      deltas.set(key, { district, tier, metric, level, day, delta: (old?.delta ?? 0) + next(7) - 3 } as Delta);
    }
    const rows = [...deltas.values()].filter((d) => d.delta !== 0);
    await before.query(
      `INSERT INTO read_model.count_daily (district_code, tier, day, metric, level, delta)
       SELECT district, tier, day, metric, level, delta FROM jsonb_to_recordset($1::jsonb)
         AS x(district text, tier text, day date, metric text, level text, delta int)`,
      [JSON.stringify(rows)],
    );
    await before.query(
      `INSERT INTO read_model.projection_checkpoint (name, position, projection_version, snapshot_version)
       VALUES ('read_models', 42, 1, 1)`,
    );
    await before.destroy();

    dataSource = await open(db.url, [...BEFORE, CountTree1796124435000]);
    await dataSource.runMigrations();

    const dates = ['1999-12-31', '2000-01-01', '2000-01-02', '2019-05-31', '2024-02-29', '2026-06-30', '2031-12-31'];
    for (let i = 0; i < 40; i++) dates.push(addDays('2000-01-01' as CalendarDate, next(11_800)));
    const counts = await readCounts(dataSource, {
      dates: dates as CalendarDate[],
      districts: ['*', '120101'],
    });
    const read = new Map(counts.map((c) => [`${c.district}|${c.tier}|${c.metric}|${c.level}|${c.on}`, c.count]));
    for (const on of dates) {
      for (const [district, tier, metric, level] of series) {
        const expected = rows
          .filter((r) => `${r.district}|${r.tier}|${r.metric}|${r.level}` === `${district}|${tier}|${metric}|${level}`)
          .filter((r) => compareDates(r.day, on as CalendarDate) <= 0)
          .reduce((sum, r) => sum + r.delta, 0);
        expect([
          on,
          district,
          tier,
          metric,
          level,
          read.get(`${district}|${tier}|${metric}|${level}|${on}`) ?? 0,
        ]).toEqual([on, district, tier, metric, level, expected]);
      }
    }
    const checkpoint = await readCheckpoint(dataSource, LIVE_SCHEMA);
    expect([checkpoint.position, checkpoint.projectionVersion]).toEqual(['42', 2]);
    const tables = await dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'read_model' AND tablename LIKE 'count%' ORDER BY 1`,
    );
    expect(tables).toEqual([{ tablename: 'count_tree' }]);
    const [{ zero }] = await dataSource.query(
      'SELECT count(*)::int AS zero FROM read_model.count_tree WHERE total = 0',
    );
    expect(zero).toBe(0);
  }, 120_000);
});
