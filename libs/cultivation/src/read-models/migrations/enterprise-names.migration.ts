import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds `enterprise_name` (every current and former name of every enterprise, by its matching key: see
 * `nameKey`) for matching published lists by name and for `enterprises(filter: {search})`, and a prefix
 * index on credit codes. The snapshots written before kept no former names, so existing read models are
 * emptied and the checkpoint reset: the projector replays the log into them when the service starts
 * (`projectionStatus` shows the lag meanwhile). On an empty ledger this costs nothing.
 */
export class EnterpriseNames1765065600000 implements MigrationInterface {
  name = 'EnterpriseNames1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE read_model.enterprise_name (
      credit_code text NOT NULL, name_key text NOT NULL, name text NOT NULL, current boolean NOT NULL,
      district_codes text[] NOT NULL, PRIMARY KEY (name_key, credit_code))`);
    await q.query('CREATE INDEX enterprise_name_enterprise ON read_model.enterprise_name (credit_code)');
    // search is LIKE '%key%' on the key: a trigram index where pg_trgm is installed (the first migration tried).
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX enterprise_name_search ON read_model.enterprise_name USING gin (name_key gin_trgm_ops)';
      END IF; END $$`);
    await q.query(
      'CREATE INDEX enterprise_summary_code_prefix ON read_model.enterprise_summary (credit_code text_pattern_ops)',
    );
    const [any] = (await q.query('SELECT 1 FROM read_model.enterprise_summary LIMIT 1')) as unknown[];
    if (any === undefined) return;
    const tables = (await q.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'read_model' AND tablename <> 'projection_checkpoint'`,
    )) as { tablename: string }[];
    await q.query(`TRUNCATE ${tables.map((t) => `read_model.${t.tablename}`).join(', ')}`);
    await q.query('UPDATE read_model.projection_checkpoint SET position = NULL, generation = gen_random_uuid()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX read_model.enterprise_summary_code_prefix');
    await q.query('DROP TABLE read_model.enterprise_name');
  }
}
