import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emptyForReplay } from './empty-for-replay';

/**
 * Empties the read models so the projector derives them again from the whole log (the log is
 * untouched). Needed once because what the projection derives changed: tier groups
 * (TECH_AND_INNOVATIVE_SME) are counted, and grants are kept in effective-date order in the
 * snapshots. Until the projector has caught up, projectionStatus shows the lag and counts are partial.
 */
export class ReprojectForTierGroups1796083212000 implements MigrationInterface {
  name = 'ReprojectForTierGroups1796083212000';

  async up(q: QueryRunner): Promise<void> {
    await emptyForReplay(q, null);
  }

  async down(): Promise<void> {
    // Nothing to undo: the projector rebuilds whatever it finds empty.
  }
}
