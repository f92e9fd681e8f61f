import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Positions are decimal integers below 2^128 (an EventStoreDB position packs commit and prepare, see
 * @cl/event-store), so the read models keep them as numeric(39,0) instead of bigint.
 */
export class WidenReadModelPositions1764979200000 implements MigrationInterface {
  name = 'WidenReadModelPositions1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE read_model.projection_checkpoint ALTER COLUMN position TYPE numeric(39, 0)');
    await q.query('ALTER TABLE read_model.enterprise_summary ALTER COLUMN last_position TYPE numeric(39, 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE read_model.enterprise_summary ALTER COLUMN last_position TYPE bigint');
    await q.query('ALTER TABLE read_model.projection_checkpoint ALTER COLUMN position TYPE bigint');
  }
}
