import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@cl/platform';
import { CertificationLevelEnum, TargetMetricEnum } from '../enums';
import { District, TierInfo } from './reference.types';

@ObjectType()
export class TargetProgress {
  @Field(() => TierInfo) tier: TierInfo;
  @Field(() => CertificationLevelEnum, { nullable: true }) level?: string | null;
  @Field(() => TargetMetricEnum) metric: string;
  @Field(() => Int, { nullable: true, description: 'Null where no numeric target is set.' }) target?: number | null;
  @Field(() => DateScalar, { nullable: true }) deadline?: string | null;
  @Field(() => DateScalar) asOf: string;
  @Field(() => Int, { description: 'Headline count under `metric`.' }) current: number;
  @Field(() => District, {
    nullable: true,
    description:
      "The district this row counts (null: the city). Its target, pace and onTrack are the district's own, or null.",
  })
  district?: District | null;
  @Field(() => Float, {
    nullable: true,
    description: "For a district: `current` divided by the city's `current` on the same date and metric.",
  })
  shareOfCity?: number | null;
  @Field(() => Int) active: number;
  @Field(() => Int) cumulative: number;
  @Field(() => Float, { nullable: true }) percent?: number | null;
  @Field(() => Int, { nullable: true }) remaining?: number | null;
  @Field(() => Float, { nullable: true }) requiredMonthlyPace?: number | null;
  @Field(() => Float, { description: 'Average monthly net change of `current` over the 6 months before `asOf`.' })
  recentMonthlyPace: number;
  @Field(() => Int, { nullable: true }) projectedAtDeadline?: number | null;
  @Field(() => Boolean, { nullable: true }) onTrack?: boolean | null;
  @Field(() => Boolean, {
    description:
      'Every registration of the tier ends on 31 December, so its count drops each new year: projectedAtDeadline ' +
      "and onTrack then run from the deadline's day a year before (growth over twelve months), not along recentMonthlyPace.",
  })
  renewsYearly: boolean;
}

@ObjectType()
export class DistrictCount {
  @Field(() => District) district: District;
  @Field(() => Int) active: number;
  @Field(() => Int) cumulative: number;
}

@ObjectType({
  description: "`active` and `cumulative` on the period's last day; `granted`, `renewed`, `ended` within the period.",
})
export class TrendPoint {
  @Field(() => DateScalar) periodStart: string;
  @Field(() => Int) active: number;
  @Field(() => Int) cumulative: number;
  @Field(() => Int) granted: number;
  @Field(() => Int) renewed: number;
  @Field(() => Int) ended: number;
}

@ObjectType()
export class FunnelStep {
  @Field(() => TierInfo) tier: TierInfo;
  @Field(() => Int, { description: 'Enterprises that ever held this tier.' }) reached: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Of those, how many held the previous rung earlier (null for rung 1).',
  })
  fromPrevious?: number | null;
  @Field(() => Float, { nullable: true, description: 'fromPrevious / reached of the previous rung.' }) conversionRate?:
    number | null;
  @Field(() => Float, { nullable: true }) medianDaysFromPrevious?: number | null;
}

@ObjectType()
export class ProjectionStatus {
  @Field({ description: 'Last global position applied to the read models.' }) position: string;
  @Field({ description: 'Last global position in the event log.' }) headPosition: string;
  @Field(() => Int) lag: number;
  @Field() rebuilding: boolean;
  @Field(() => Float, {
    nullable: true,
    description: 'Estimated seconds until lag is 0 at the recent rate; null when caught up or unknown.',
  })
  etaSeconds?: number | null;
  @Field(() => Int, {
    description:
      'Version of the projection (its counting rules) that wrote the read models; a projector of another version refuses to apply events to them.',
  })
  projectionVersion: number;
  @Field(() => Int, { description: 'Shape version of the enterprise snapshots stored with the read models.' })
  snapshotVersion: number;
  @Field(() => String, {
    nullable: true,
    description:
      "Why this server's code does not apply events to the stored read models (another projection or snapshot version), null when the versions match; a rebuild resolves it.",
  })
  versionMismatch?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Set while the projector is stalled: the position of the event it cannot apply (it applies nothing after it until fixed code is deployed, or a rebuild with fixed code swaps in).',
  })
  stalledAt?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the projector is stalled: the event type, stream and id, and the error.',
  })
  error?: string | null;
}
