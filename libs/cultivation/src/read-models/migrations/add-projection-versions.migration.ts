import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stores the projection's code version and the snapshot shape version with the checkpoint
 * (projection/versions.ts). Rows already there were written by the code before versions existed: version 1.
 */
export class AddProjectionVersions1765152000000 implements MigrationInterface {
  name = 'AddProjectionVersions1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.projection_checkpoint
      ADD COLUMN projection_version integer, ADD COLUMN snapshot_version integer`);
    await q.query('UPDATE read_model.projection_checkpoint SET projection_version = 1, snapshot_version = 1');
    await q.query(`ALTER TABLE read_model.projection_checkpoint
      ALTER COLUMN projection_version SET NOT NULL, ALTER COLUMN snapshot_version SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model.projection_checkpoint
      DROP COLUMN projection_version, DROP COLUMN snapshot_version`);
  }
}
