// The bench database: the ledger's migrations, then the demo cohort (deterministic seed) written once per run.
import { DataSource } from 'typeorm';
import type { BenchPostgres } from './common';
import { withClient } from './common';
import { PostgresEventStore } from '@cl/event-store';
import { type CalendarDate, LEDGER_MIGRATIONS, seedDemoCohort } from '@cl/cultivation';

/** The cohort's last day: fixed, so that every run writes the same history whatever the date. */
export const BENCH_TODAY = '2026-06-30' as CalendarDate;
export const BENCH_SEED = 42;

export async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: LEDGER_MIGRATIONS,
    migrationsTransactionMode: 'each',
    logging: ['error'],
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

export interface SeedFigures {
  readonly enterprises: number;
  readonly events: number;
  readonly seconds: number;
  readonly enterprisesPerSecond: number;
  readonly eventsPerSecond: number;
  readonly rejected: number;
}

/** Seeds `enterprises` demo enterprises through the batched decider path. */
export async function seed(url: string, enterprises: number, log: (line: string) => void): Promise<SeedFigures> {
  const store = new PostgresEventStore({ url, poolSize: 10 });
  try {
    let lastLog = 0;
    const result = await seedDemoCohort(
      store,
      { seed: BENCH_SEED, enterprises, today: BENCH_TODAY },
      ({ enterprises: done, total, events }) => {
        if (Date.now() - lastLog < 10_000 && done < total) return;
        lastLog = Date.now();
        log(
          `  seeded ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} enterprises, ${events.toLocaleString('en-US')} events`,
        );
      },
    );
    if (result.rejected > 0) log(`  ${result.rejected} demo commands refused: ${result.rejections.join('; ')}`);
    const seconds = result.durationMs / 1000;
    return {
      enterprises,
      events: result.events,
      seconds,
      enterprisesPerSecond: enterprises / seconds,
      eventsPerSecond: result.events / seconds,
      rejected: result.rejected,
    };
  } finally {
    await store.close();
  }
}

/**
 * The seeded `bench` database. In a temporary cluster it is seeded in place. In a kept cluster
 * (`--pg-dir`) the cohort is seeded once into a template database `seed_<scale>_<seed>` (marked
 * complete with its seeding figures) and `bench` is a fresh copy of it, so a rerun skips seeding.
 */
export async function prepareBenchDatabase(
  pg: BenchPostgres,
  scale: number,
  kept: boolean,
  log: (line: string) => void,
): Promise<SeedFigures & { reused: boolean }> {
  const admin = pg.urlOf('postgres');
  if (!kept) {
    await withClient(admin, (c) => c.query('CREATE DATABASE bench'));
    await migrate(pg.url);
    log(`seeding ${scale.toLocaleString('en-US')} enterprises (seed ${BENCH_SEED}, history to ${BENCH_TODAY})`);
    return { ...(await seed(pg.url, scale, log)), reused: false };
  }
  const template = `seed_${scale}_${BENCH_SEED}`;
  const exists = await withClient(admin, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    return rowCount === 1;
  });
  let figures: SeedFigures | null = null;
  if (exists) {
    figures = await withClient(pg.urlOf(template), async (c) => {
      const { rows } = await c
        .query<{ figures: SeedFigures }>('SELECT figures FROM bench_seed')
        .catch(() => ({ rows: [] as { figures: SeedFigures }[] }));
      return rows[0]?.figures ?? null;
    });
  }
  if (figures) log(`reusing the seeded template ${template} (${figures.events.toLocaleString('en-US')} events)`);
  else {
    await withClient(admin, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${template}`);
    });
    await migrate(pg.urlOf(template));
    log(
      `seeding ${scale.toLocaleString('en-US')} enterprises into ${template} (seed ${BENCH_SEED}, history to ${BENCH_TODAY})`,
    );
    figures = await seed(pg.urlOf(template), scale, log);
    const done = figures;
    await withClient(pg.urlOf(template), async (c) => {
      await c.query('CREATE TABLE bench_seed (figures jsonb NOT NULL)');
      await c.query('INSERT INTO bench_seed VALUES ($1)', [JSON.stringify(done)]);
      await c.query('VACUUM ANALYZE');
    });
  }
  log(`copying ${template} to bench`);
  await withClient(admin, (c) => c.query(`CREATE DATABASE bench TEMPLATE ${template} STRATEGY file_copy`));
  await migrate(pg.url); // a template seeded by older code lacks the migrations added since
  return { ...figures, reused: exists && figures !== null };
}
