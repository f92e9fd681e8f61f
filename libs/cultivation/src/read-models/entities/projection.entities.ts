// TypeORM mappings of the projection's bookkeeping and of the targets in force.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LIVE_SCHEMA } from '../schema';

/** Last global position applied; written in the same transaction as the rows it accounts for. */
@Entity({ schema: LIVE_SCHEMA, name: 'projection_checkpoint' })
export class ProjectionCheckpointEntity {
  @PrimaryColumn({ type: 'text' }) name: string;
  @Column({ type: 'bigint', nullable: true }) position: string | null;
  /** New on every rebuild, so caches keyed by position notice a swapped-in schema. */
  @Column({ type: 'uuid' }) generation: string;
  /** The projection version that wrote the rows (projection/versions.ts). */
  @Column({ name: 'projection_version', type: 'integer' }) projectionVersion: number;
  /** The shape version of the stored snapshots. */
  @Column({ name: 'snapshot_version', type: 'integer' }) snapshotVersion: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Targets set through the `targets` stream (a tier without a row uses DEFAULT_TARGETS). */
@Entity({ schema: LIVE_SCHEMA, name: 'targets' })
export class TargetEntity {
  @PrimaryColumn({ type: 'text' }) tier: string;
  @Column({ type: 'text', nullable: true }) level: string | null;
  @Column({ type: 'integer' }) target: number;
  @Column({ type: 'text' }) metric: string;
  @Column({ type: 'date' }) deadline: string;
  /** Version in the targets stream of the TargetSet that set it. */
  @Column({ type: 'integer' }) version: number;
}
