import { Args, Field, InputType, Int, Query, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentActor, DateScalar, readScopeOf } from '@cl/platform';
import { EnterpriseQueries, ProjectionStatusQueries } from '../application/queries';
import { TierEnum } from './enums';
import { AnnualUpdateConnection, EnterpriseConnection, ExpiringConnection } from './types/connection.types';
import { Enterprise } from './types/enterprise.types';
import { ProjectionStatus } from './types/progress.types';

@InputType()
export class EnterpriseFilter {
  @Field(() => String, { nullable: true }) district?: string | null;
  @Field(() => TierEnum, { nullable: true, description: 'Holds this tier (active on `asOf`, default today).' }) tier?:
    string | null;
  @Field(() => DateScalar, { nullable: true }) asOf?: string | null;
  @Field(() => String, { nullable: true }) nameContains?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Matches a name (current or former) containing it, or a credit code starting with it.',
  })
  search?: string | null;
}

/** Enterprises as the read models hold them, and the projection's own state. */
@Resolver()
export class EnterpriseQueriesResolver {
  constructor(
    private readonly enterprisesRead: EnterpriseQueries,
    private readonly status: ProjectionStatusQueries,
  ) {}

  @Query(() => Enterprise, { nullable: true })
  enterprise(@Args('creditCode') creditCode: string, @CurrentActor() actor: Actor) {
    return this.enterprisesRead.enterprise(creditCode, readScopeOf(actor));
  }

  @Query(() => EnterpriseConnection)
  enterprises(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => EnterpriseFilter, nullable: true }) filter?: EnterpriseFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.enterprisesRead.enterprises(filter, first, after, readScopeOf(actor));
  }

  @Query(() => ExpiringConnection)
  expiringCertifications(
    @CurrentActor() actor: Actor,
    @Args('withinDays', { type: () => Int, defaultValue: 90 }) withinDays: number,
    @Args('tier', { type: () => TierEnum, nullable: true }) tier?: string | null,
    @Args('district', { type: () => String, nullable: true }) district?: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.enterprisesRead.expiringCertifications(withinDays, tier, district, first, after, readScopeOf(actor));
  }

  @Query(() => AnnualUpdateConnection, {
    description: 'Enterprises whose yearly update for `year` is due and not recorded on `asOf` (default today).',
  })
  overdueAnnualUpdates(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int }) year: number,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: string | null,
    @Args('district', { type: () => String, nullable: true }) district?: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.enterprisesRead.overdueAnnualUpdates(year, asOf, district, first, after, readScopeOf(actor));
  }

  @Query(() => ProjectionStatus)
  projectionStatus() {
    return this.status.projectionStatus();
  }
}
