import { Args, Field, InputType, Int, Query, Resolver } from '@nestjs/graphql';
import { DateScalar } from '@cl/platform';
import { EnterpriseQueries, ProjectionStatusQueries } from '../application/queries';
import { TierEnum } from './enums';
import { EnterpriseConnection, ExpiringConnection } from './types/connection.types';
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
  enterprise(@Args('creditCode') creditCode: string) {
    return this.enterprisesRead.enterprise(creditCode);
  }

  @Query(() => EnterpriseConnection)
  enterprises(
    @Args('filter', { type: () => EnterpriseFilter, nullable: true }) filter?: EnterpriseFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.enterprisesRead.enterprises(filter, first, after);
  }

  @Query(() => ExpiringConnection)
  expiringCertifications(
    @Args('withinDays', { type: () => Int, defaultValue: 90 }) withinDays: number,
    @Args('tier', { type: () => TierEnum, nullable: true }) tier?: string | null,
    @Args('district', { type: () => String, nullable: true }) district?: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.enterprisesRead.expiringCertifications(withinDays, tier, district, first, after);
  }

  @Query(() => ProjectionStatus)
  projectionStatus() {
    return this.status.projectionStatus();
  }
}
