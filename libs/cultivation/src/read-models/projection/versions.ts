// The projection's versions, stored with the checkpoint. Rows written by another version of the code
// cannot be corrected by applying more events (the "before" facts of the next batch would be derived
// with new rules from an old snapshot), so a projector refuses a schema written by another version
// until it is rebuilt.
/**
 * Bump when the rows derived from an enterprise's state change: counting segments, occurrences,
 * firsts, the per-enterprise tables or the aggregates (enterprise-facts.ts, batch-delta.ts).
 */
// 2: counts as running totals (count_tree) instead of daily and monthly deltas;
// 3: occurrences (grants, renewals, ends) as count-tree series instead of occurrence_daily.
export const PROJECTION_VERSION = 3;
/** Bump when the shape of the stored snapshot changes (enterprise_summary.state, the domain's EnterpriseState). */
export const SNAPSHOT_VERSION = 1;

/**
 * The projection version a migration stamps on read models that must be re-derived (requireRederivation): older than
 * any code, so the projector re-derives them in the shadow schema while queries answer from them.
 */
export const REDERIVE_VERSION = 0;

/** What the running code writes. */
export const CODE_VERSIONS = { projection: PROJECTION_VERSION, snapshot: SNAPSHOT_VERSION } as const;

/** A projector met read models written by another version of the projection. */
export class ProjectionVersionMismatch extends Error {
  constructor(
    readonly stored: { projection: number; snapshot: number },
    readonly code: { projection: number; snapshot: number } = CODE_VERSIONS,
  ) {
    super(
      (stored.projection === REDERIVE_VERSION
        ? `read models must be re-derived (a migration asked for it; snapshot version ${stored.snapshot}); `
        : `read models were written by projection version ${stored.projection} (snapshot version ${stored.snapshot}); `) +
        `this code is projection version ${code.projection} (snapshot version ${code.snapshot}): ` +
        'not applying events until they are rebuilt (npm run rebuild; PROJECTION_VERSION_MISMATCH=upgrade, the default, rebuilds older ones)',
    );
  }
}

/** The mismatch between a checkpoint's versions and the code's, or null (also for a schema with no checkpoint yet). */
export function versionMismatch(checkpoint: {
  readonly projectionVersion: number | null;
  readonly snapshotVersion: number | null;
}): ProjectionVersionMismatch | null {
  const { projectionVersion: projection, snapshotVersion: snapshot } = checkpoint;
  if (projection === null || snapshot === null) return null;
  if (projection === PROJECTION_VERSION && snapshot === SNAPSHOT_VERSION) return null;
  return new ProjectionVersionMismatch({ projection, snapshot });
}
