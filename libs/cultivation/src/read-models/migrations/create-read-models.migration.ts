import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates the read models in schema `read_model` (see read-models/README.md). Counts are stored as
 * deltas per (district, tier, day, metric, level) plus a monthly rollup, so a count on a date sums a
 * number of rows bounded by the calendar, not by the number of enterprises. District '*' = whole city.
 */
export class CreateReadModels1764374400000 implements MigrationInterface {
  name = 'CreateReadModels1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SCHEMA read_model');
    await q.query(`CREATE TABLE read_model.projection_checkpoint (
      name text PRIMARY KEY, position bigint,
      generation uuid NOT NULL DEFAULT gen_random_uuid(), updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE read_model.enterprise_summary (
      credit_code text PRIMARY KEY, name text NOT NULL, district_code text NOT NULL, industry_code text,
      deregistered_on date, version integer NOT NULL, last_position bigint NOT NULL, state jsonb NOT NULL)`);
    await q.query(
      'CREATE INDEX enterprise_summary_district ON read_model.enterprise_summary (district_code, credit_code)',
    );
    // Name search is ILIKE '%x%': a trigram index serves it where pg_trgm can be installed; else a plain btree.
    await q.query(`DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm unavailable: %', SQLERRM; END $$`);
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX enterprise_summary_name ON read_model.enterprise_summary USING gin (name gin_trgm_ops)';
      ELSE
        EXECUTE 'CREATE INDEX enterprise_summary_name ON read_model.enterprise_summary (name)';
      END IF; END $$`);
    await q.query(`CREATE TABLE read_model.certification_grant (
      grant_event_id text PRIMARY KEY, credit_code text NOT NULL, tier text NOT NULL, level text NOT NULL,
      granted_on date NOT NULL, valid_until date NOT NULL, counts_until date NOT NULL)`);
    await q.query(
      'CREATE INDEX certification_grant_expiry ON read_model.certification_grant (valid_until, credit_code, tier)',
    );
    await q.query('CREATE INDEX certification_grant_enterprise ON read_model.certification_grant (credit_code)');
    await q.query(`CREATE TABLE read_model.active_interval (
      credit_code text NOT NULL, tier text NOT NULL, level text NOT NULL, district_code text NOT NULL,
      from_on date NOT NULL, until_on date NOT NULL, PRIMARY KEY (credit_code, tier, level, district_code, from_on))`);
    await q.query('CREATE INDEX active_interval_on ON read_model.active_interval (tier, level, from_on, until_on)');
    for (const [table, day] of [
      ['count_daily', 'day'],
      ['count_monthly', 'month'],
    ] as const) {
      await q.query(`CREATE TABLE read_model.${table} (
        district_code text NOT NULL, tier text NOT NULL, ${day} date NOT NULL, metric text NOT NULL, level text NOT NULL,
        delta integer NOT NULL, PRIMARY KEY (district_code, tier, ${day}, metric, level))`);
    }
    await q.query(`CREATE TABLE read_model.occurrence_daily (
      district_code text NOT NULL, tier text NOT NULL, day date NOT NULL,
      granted integer NOT NULL, renewed integer NOT NULL, ended integer NOT NULL, PRIMARY KEY (district_code, tier, day))`);
    await q.query(`CREATE TABLE read_model.enterprise_tier_first (
      credit_code text NOT NULL, tier text NOT NULL, first_on date NOT NULL, PRIMARY KEY (credit_code, tier))`);
    await q.query(
      'CREATE INDEX enterprise_tier_first_tier ON read_model.enterprise_tier_first (tier, credit_code) INCLUDE (first_on)',
    );
    await q.query(`CREATE TABLE read_model.targets (
      tier text PRIMARY KEY, level text, target integer NOT NULL, metric text NOT NULL, deadline date NOT NULL,
      version integer NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA read_model CASCADE');
  }
}
