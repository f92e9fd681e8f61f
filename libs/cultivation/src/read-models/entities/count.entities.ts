// TypeORM mappings of the pre-aggregated counts: sizes bounded by days × districts × tiers, not enterprises.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LIVE_SCHEMA } from '../schema';

/** Change of a count on a day: count(D) = Σ delta for day ≤ D. District '*' is the whole city. */
@Entity({ schema: LIVE_SCHEMA, name: 'count_daily' })
export class CountDailyEntity {
  @PrimaryColumn({ name: 'district_code', type: 'text' }) districtCode: string;
  @PrimaryColumn({ type: 'text' }) tier: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryColumn({ type: 'text' }) metric: string;
  @PrimaryColumn({ type: 'text' }) level: string;
  @Column({ type: 'integer' }) delta: number;
}

/** count_daily summed per month (first day of the month), so a count sums whole months then a few days. */
@Entity({ schema: LIVE_SCHEMA, name: 'count_monthly' })
export class CountMonthlyEntity {
  @PrimaryColumn({ name: 'district_code', type: 'text' }) districtCode: string;
  @PrimaryColumn({ type: 'text' }) tier: string;
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ type: 'text' }) metric: string;
  @PrimaryColumn({ type: 'text' }) level: string;
  @Column({ type: 'integer' }) delta: number;
}

/** Grants, renewals and ends dated on a day, per tier and district (trends). */
@Entity({ schema: LIVE_SCHEMA, name: 'occurrence_daily' })
export class OccurrenceDailyEntity {
  @PrimaryColumn({ name: 'district_code', type: 'text' }) districtCode: string;
  @PrimaryColumn({ type: 'text' }) tier: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ type: 'integer' }) granted: number;
  @Column({ type: 'integer' }) renewed: number;
  @Column({ type: 'integer' }) ended: number;
}
