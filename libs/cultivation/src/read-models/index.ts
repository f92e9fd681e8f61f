// Public API of the read side's storage: entities, the migration, the projector, rebuild and verify.
import { AddProjectionStall1764979200000 } from './migrations/add-projection-stall.migration';
import { CreateReadModels1764374400000 } from './migrations/create-read-models.migration';

export * from './schema';
export * from './entities';
export { CreateReadModels1764374400000, AddProjectionStall1764979200000 };
/** Every read-model migration, in order (add to the DataSource's `migrations`). */
export const READ_MODEL_MIGRATIONS = [CreateReadModels1764374400000, AddProjectionStall1764979200000];
export { applyEvents, type ApplyResult } from './projection/apply-events';
export { readCheckpoint, type Checkpoint, type ProjectionStall } from './projection/checkpoint';
export { UnappliableEvent } from './projection/unappliable-event';
export { ProjectorService, type ProjectorOptions } from './projector/projector.service';
export { projectorLogging } from './projector/projector-logging';
export { rebuildReadModels, RebuildAlreadyRunning } from './rebuild/rebuild';
export { verifyReadModels } from './rebuild/verify';
export type { ReplayProgress, ReplayOptions } from './rebuild/replay';
