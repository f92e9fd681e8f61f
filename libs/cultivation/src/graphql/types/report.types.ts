import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@cl/platform';
import { CertificationLevelEnum, TargetMetricEnum } from '../enums';
import { TargetProgress } from './progress.types';
import { District, TierInfo } from './reference.types';

@ObjectType()
export class PublishedReport {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => DateScalar) asOf: string;
  @Field(() => District, { nullable: true }) district?: District | null;
  @Field(() => Date) publishedAt: Date;
  @Field() publishedBy: string;
  @Field({ description: 'Log position the figures were computed at.' }) position: string;
  @Field(() => [TargetProgress]) rows: TargetProgress[];
  @Field(() => ID, { nullable: true }) supersedes?: string | null;
}

@ObjectType()
export class RestatementEvent {
  @Field() creditCode: string;
  @Field() name: string;
  @Field(() => ID) eventId: string;
  @Field() eventType: string;
  @Field(() => DateScalar, { nullable: true }) effectiveOn?: string | null;
  @Field(() => Date) recordedAt: Date;
  @Field() recordedBy: string;
  @Field(() => Int, { description: "This event's contribution to the row's difference (+1, -1, …)." }) effect: number;
}

@ObjectType()
export class RestatementRow {
  @Field(() => TierInfo) tier: TierInfo;
  @Field(() => CertificationLevelEnum, { nullable: true }) level?: string | null;
  @Field(() => TargetMetricEnum) metric: string;
  @Field(() => Int) published: number;
  @Field(() => Int) now: number;
  @Field(() => Int, { description: 'now - published; the effects of `events` sum to it.' }) difference: number;
  @Field(() => [RestatementEvent]) events: RestatementEvent[];
}

@ObjectType()
export class Restatement {
  @Field(() => PublishedReport) report: PublishedReport;
  @Field({ description: 'Log position of `now`.' }) position: string;
  @Field(() => [RestatementRow]) rows: RestatementRow[];
}
