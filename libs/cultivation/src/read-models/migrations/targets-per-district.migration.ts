import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Targets per district: a row is the city's target of a tier (district '') or a district's own. Existing
 * rows are the city's, so nothing is replayed and the projection version stays.
 */
export class TargetsPerDistrict1796313600000 implements MigrationInterface {
  name = 'TargetsPerDistrict1796313600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.targets ADD COLUMN district text NOT NULL DEFAULT ''`);
    await q.query('ALTER TABLE read_model.targets DROP CONSTRAINT targets_pkey');
    await q.query('ALTER TABLE read_model.targets ADD CONSTRAINT targets_pkey PRIMARY KEY (tier, district)');
  }

  async down(q: QueryRunner): Promise<void> {
    // the previous release knows no district targets: it keeps the city's
    await q.query(`DELETE FROM read_model.targets WHERE district <> ''`);
    await q.query('ALTER TABLE read_model.targets DROP CONSTRAINT targets_pkey');
    await q.query('ALTER TABLE read_model.targets DROP COLUMN district');
    await q.query('ALTER TABLE read_model.targets ADD CONSTRAINT targets_pkey PRIMARY KEY (tier)');
  }
}
