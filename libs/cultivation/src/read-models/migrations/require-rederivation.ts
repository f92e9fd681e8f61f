import type { QueryRunner } from 'typeorm';
import { REDERIVE_VERSION } from '../projection/versions';

/**
 * For a migration after which the read models must be derived again from the log (what the projection derives
 * changed): stamps the live checkpoint REDERIVE_VERSION and leaves the rows where they are. The projector
 * (PROJECTION_VERSION_MISMATCH=upgrade, the default) then runs the parallel rebuild into the shadow schema and swaps
 * it in, while queries answer from the current rows and projectionStatus shows their version; nothing is emptied
 * and nothing is replayed event by event. Without a checkpoint row (nothing projected yet) there is nothing to do.
 * A projection version bump needs no migration at all: the stored version is older than the code's.
 */
export async function requireRederivation(q: QueryRunner): Promise<void> {
  await q.query('UPDATE read_model.projection_checkpoint SET projection_version = $1', [REDERIVE_VERSION]);
}
