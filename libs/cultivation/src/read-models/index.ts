// Public API of the read side's storage: entities, the migration, the projector, rebuild and verify.
export * from './schema';
export * from './entities';
export { CreateReadModels1764374400000 } from './migrations/create-read-models.migration';
export { applyEvents, type ApplyResult } from './projection/apply-events';
export { readCheckpoint, type Checkpoint } from './projection/checkpoint';
export { ProjectorService, type ProjectorOptions } from './projector/projector.service';
