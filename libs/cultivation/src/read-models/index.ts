// Public API of the read side's storage: entities, the migration, the projector, rebuild and verify.
import { CreateReadModels1764374400000 } from './migrations/create-read-models.migration';
import { ReprojectForTierGroups1796083212000 } from './migrations/reproject-read-models.migration';

export * from './schema';
export * from './entities';
export { CreateReadModels1764374400000, ReprojectForTierGroups1796083212000 };
/** Every read-model migration, in order (add to the DataSource's `migrations`). */
export const READ_MODEL_MIGRATIONS = [CreateReadModels1764374400000, ReprojectForTierGroups1796083212000];
export { applyEvents, type ApplyResult } from './projection/apply-events';
export { readCheckpoint, type Checkpoint } from './projection/checkpoint';
export { ProjectorService, type ProjectorOptions } from './projector/projector.service';
export { rebuildReadModels, RebuildAlreadyRunning } from './rebuild/rebuild';
export { verifyReadModels } from './rebuild/verify';
export type { ReplayProgress, ReplayOptions } from './rebuild/replay';
