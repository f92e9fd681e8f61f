// Public API of the read side's storage. Application code reaches the read models only through this
// file (dependency-cruiser enforces it): the query functions below hold all SQL that reads the
// tables; the tables themselves (schema.ts, the migration) and the projection stay inside.
import { AddProjectionStall1765238400000 } from './migrations/add-projection-stall.migration';
import { CreateReadModels1764374400000 } from './migrations/create-read-models.migration';
import { WidenReadModelPositions1764979200000 } from './migrations/widen-positions.migration';
import { EnterpriseNames1765065600000 } from './migrations/enterprise-names.migration';
import { AddProjectionVersions1765152000000 } from './migrations/add-projection-versions.migration';
import { ReprojectForTierGroups1796083212000 } from './migrations/reproject-read-models.migration';
import { CountTree1796124435000 } from './migrations/count-tree.migration';
import { OccurrencesInCountTree1796140800000 } from './migrations/occurrences-in-count-tree.migration';
import { NameCoreKey1796227200000 } from './migrations/name-core-key.migration';
import { TargetsPerDistrict1796313600000 } from './migrations/targets-per-district.migration';

export {
  CreateReadModels1764374400000,
  WidenReadModelPositions1764979200000,
  EnterpriseNames1765065600000,
  AddProjectionVersions1765152000000,
  AddProjectionStall1765238400000,
  ReprojectForTierGroups1796083212000,
  CountTree1796124435000,
  OccurrencesInCountTree1796140800000,
  NameCoreKey1796227200000,
};
/** Every read-model migration, in order (add to the DataSource's `migrations`). */
export const READ_MODEL_MIGRATIONS = [
  CreateReadModels1764374400000,
  WidenReadModelPositions1764979200000,
  EnterpriseNames1765065600000,
  AddProjectionVersions1765152000000,
  AddProjectionStall1765238400000,
  ReprojectForTierGroups1796083212000,
  CountTree1796124435000,
  OccurrencesInCountTree1796140800000,
  NameCoreKey1796227200000,
  TargetsPerDistrict1796313600000,
];
export { ALL_DISTRICTS, LIVE_SCHEMA, qualified, READ_MODEL_TABLES } from './schema';
export type { Sql } from './projection/sql';
export { applyEvents, type ApplyResult } from './projection/apply-events';
export type { Checkpoint, ProjectionStall } from './projection/checkpoint';
export { UnappliableEvent } from './projection/unappliable-event';
export {
  CODE_VERSIONS,
  PROJECTION_VERSION,
  SNAPSHOT_VERSION,
  ProjectionVersionMismatch,
  versionMismatch,
} from './projection/versions';
export { ProjectorService, type ProjectorOptions } from './projector/projector.service';
export { countEvents, mergeBacklog, CATCH_UP_THRESHOLD } from './projector/catch-up';
export type { ProjectionPace } from './projector/pace';
export { rebuildReadModels, RebuildAlreadyRunning } from './rebuild/rebuild';
export { verifyReadModels } from './rebuild/verify';
export {
  describeStackedRenewals,
  findStackedRenewals,
  type EnterpriseWithStackedRenewals,
} from './rebuild/stacked-renewals-scan';
export type { ReplayProgress, ReplayOptions } from './rebuild/replay';

// Query ports: what the application's query services and the lapse sweep read.
export {
  readCounts,
  readCountsAtCheckpoint,
  CountLookup,
  COUNT_METRICS,
  type CountCell,
  type CountMetric,
  type CountQuery,
} from './queries/counts';
export { readTargets } from './queries/targets';
export {
  findEnterpriseSnapshot,
  listEnterpriseSnapshots,
  type EnterpriseFilter,
  type EnterpriseSnapshotRow,
} from './queries/enterprise-summaries';
export { listExpiringGrants, type ExpiringGrantRow, type ExpiringKey } from './queries/expiring-grants';
export { countReached, countReachedFrom, type PreviousRung } from './queries/tier-firsts';
export { readLiveCheckpoint, readRebuildPosition, isRebuildRunning } from './queries/projection-state';
export { lapseCandidates } from './queries/lapse-candidates';
export { dutyCandidates, type DutyCandidatesQuery } from './queries/annual-duties';
export {
  enterprisesByNameKeys,
  nameSuggestions,
  registeredCodes,
  type NameCandidate,
  type NameSuggestion,
  type SuggestionQuery,
} from './names/enterprise-names';
export { LiveCheckpoint, type LiveCheckpointOptions, type CheckpointStamp } from './live-checkpoint/live-checkpoint';
