// TypeORM mappings of the per-enterprise read models (schema by migration only, never synchronize).
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LIVE_SCHEMA } from '../schema';

/** One row per registered enterprise: searchable columns plus its domain state (jsonb) for the views. */
@Entity({ schema: LIVE_SCHEMA, name: 'enterprise_summary' })
export class EnterpriseSummaryEntity {
  @PrimaryColumn({ name: 'credit_code', type: 'text' }) creditCode: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'district_code', type: 'text' }) districtCode: string;
  @Column({ name: 'industry_code', type: 'text', nullable: true }) industryCode: string | null;
  @Column({ name: 'deregistered_on', type: 'date', nullable: true }) deregisteredOn: string | null;
  /** Stream version of the last applied event: a replayed event at or below it is skipped. */
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'last_position', type: 'bigint' }) lastPosition: string;
  @Column({ type: 'jsonb' }) state: unknown;
}

/** One row per live (non-retracted) grant, for expiry lists. */
@Entity({ schema: LIVE_SCHEMA, name: 'certification_grant' })
export class CertificationGrantEntity {
  @PrimaryColumn({ name: 'grant_event_id', type: 'text' }) grantEventId: string;
  @Column({ name: 'credit_code', type: 'text' }) creditCode: string;
  @Column({ type: 'text' }) tier: string;
  @Column({ type: 'text' }) level: string;
  @Column({ name: 'granted_on', type: 'date' }) grantedOn: string;
  /** After renewals. */
  @Column({ name: 'valid_until', type: 'date' }) validUntil: string;
  /** First day it no longer counts. */
  @Column({ name: 'counts_until', type: 'date' }) countsUntil: string;
}

/** The ACTIVE counting segments of each enterprise: who held which tier, where, on which days. */
@Entity({ schema: LIVE_SCHEMA, name: 'active_interval' })
export class ActiveIntervalEntity {
  @PrimaryColumn({ name: 'credit_code', type: 'text' }) creditCode: string;
  @PrimaryColumn({ type: 'text' }) tier: string;
  /** 'ANY' or a certification level. */
  @PrimaryColumn({ type: 'text' }) level: string;
  @PrimaryColumn({ name: 'district_code', type: 'text' }) districtCode: string;
  @PrimaryColumn({ name: 'from_on', type: 'date' }) fromOn: string;
  /** Exclusive. */
  @Column({ name: 'until_on', type: 'date' }) untilOn: string;
}

/** First day each enterprise held each tier (ladder funnel). */
@Entity({ schema: LIVE_SCHEMA, name: 'enterprise_tier_first' })
export class EnterpriseTierFirstEntity {
  @PrimaryColumn({ name: 'credit_code', type: 'text' }) creditCode: string;
  @PrimaryColumn({ type: 'text' }) tier: string;
  @Column({ name: 'first_on', type: 'date' }) firstOn: string;
}
