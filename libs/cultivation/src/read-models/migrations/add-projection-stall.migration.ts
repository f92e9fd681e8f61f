import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projector's stall: set when one event cannot be applied (its position, type, id and the error), cleared
 * by the batch that gets past it. A rebuild swaps in a checkpoint without one.
 */
export class AddProjectionStall1765238400000 implements MigrationInterface {
  name = 'AddProjectionStall1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE read_model.projection_checkpoint ADD COLUMN stall jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE read_model.projection_checkpoint DROP COLUMN stall');
  }
}
