import { Args, Query, Resolver } from '@nestjs/graphql';
import { DateScalar } from '@cl/platform';
import { ProgressQueries } from '../application/queries';
import { LadderEnum, TierEnum, TrendIntervalEnum } from './enums';
import { DistrictCount, FunnelStep, TargetProgress, TrendPoint } from './types/progress.types';

/** The cohort's progress toward the targets, per district, over time and through the ladders. */
@Resolver()
export class ProgressResolver {
  constructor(private readonly progress: ProgressQueries) {}

  @Query(() => [TargetProgress], {
    description:
      'One row per tier (seven) and per tier group, with or without a target; asOf defaults to today. With `knownAt`: computed only from events recorded by then (what the ledger knew).',
  })
  cohortProgress(
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: string | null,
    @Args('district', { type: () => String, nullable: true }) district?: string | null,
    @Args('knownAt', { type: () => Date, nullable: true }) knownAt?: Date | null,
  ) {
    return this.progress.cohortProgress(asOf, district, knownAt);
  }

  @Query(() => [DistrictCount], { description: 'One row per district (all sixteen, zeros included).' })
  districtBreakdown(
    @Args('tier', { type: () => TierEnum }) tier: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: string | null,
    @Args('knownAt', { type: () => Date, nullable: true }) knownAt?: Date | null,
  ) {
    return this.progress.districtBreakdown(tier, asOf, knownAt);
  }

  @Query(() => [TrendPoint])
  cohortTrend(
    @Args('tier', { type: () => TierEnum }) tier: string,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('interval', { type: () => TrendIntervalEnum, defaultValue: 'MONTH' }) interval: string,
    @Args('district', { type: () => String, nullable: true }) district?: string | null,
    @Args('knownAt', { type: () => Date, nullable: true }) knownAt?: Date | null,
  ) {
    return this.progress.cohortTrend(tier, from, to, interval, district, knownAt);
  }

  @Query(() => [FunnelStep])
  ladderFunnel(@Args('ladder', { type: () => LadderEnum }) ladder: string) {
    return this.progress.ladderFunnel(ladder);
  }
}
