import {
  CertificationGrantEntity,
  ActiveIntervalEntity,
  EnterpriseSummaryEntity,
  EnterpriseTierFirstEntity,
} from './enterprise.entities';
import { CountDailyEntity, CountMonthlyEntity, OccurrenceDailyEntity } from './count.entities';
import { ProjectionCheckpointEntity, TargetEntity } from './projection.entities';

export * from './enterprise.entities';
export * from './count.entities';
export * from './projection.entities';

/** Every read-model entity (for TypeOrmModule.forFeature or a DataSource's `entities`). */
export const READ_MODEL_ENTITIES = [
  EnterpriseSummaryEntity,
  CertificationGrantEntity,
  ActiveIntervalEntity,
  EnterpriseTierFirstEntity,
  CountDailyEntity,
  CountMonthlyEntity,
  OccurrenceDailyEntity,
  ProjectionCheckpointEntity,
  TargetEntity,
];
