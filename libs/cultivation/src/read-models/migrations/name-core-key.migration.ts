import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds `enterprise_name.core_key`: the name's key without the city prefix (天津市/天津) and the legal form
 * ((股份)有限(责任)公司), a column PostgreSQL derives itself (nothing to project), with a trigram index where
 * pg_trgm is installed. An unmatched list name's suggestions are searched and ranked on it: the prefix and
 * form every name shares would otherwise make any two names look alike, and make the search read every row.
 */
export class NameCoreKey1796227200000 implements MigrationInterface {
  name = 'NameCoreKey1796227200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.enterprise_name ADD COLUMN core_key text GENERATED ALWAYS AS (
      regexp_replace(regexp_replace(name_key, '^天津市?', ''), '(股份)?有限(责任)?公司$', '')) STORED`);
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX enterprise_name_core ON read_model.enterprise_name USING gin (core_key gin_trgm_ops)';
      END IF; END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE read_model.enterprise_name DROP COLUMN core_key'); // its index goes with it
  }
}
