import type { MigrationInterface, QueryRunner } from 'typeorm';
import { requireRederivation } from './require-rederivation';

/**
 * Has the read models derived again from the whole log (the log is untouched): what the projection
 * derives changed (tier groups, TECH_AND_INNOVATIVE_SME, are counted, and grants are kept in
 * effective-date order in the snapshots). The projector re-derives them in the shadow schema and swaps
 * them in; until then queries answer from the previous ones (projectionStatus shows their version).
 */
export class ReprojectForTierGroups1796083212000 implements MigrationInterface {
  name = 'ReprojectForTierGroups1796083212000';

  async up(q: QueryRunner): Promise<void> {
    await requireRederivation(q);
  }

  async down(): Promise<void> {
    // Nothing to undo: the rows stay those of the previous derivation until the projector's swap.
  }
}
