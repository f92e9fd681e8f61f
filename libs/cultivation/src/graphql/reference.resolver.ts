import { Args, Query, Resolver } from '@nestjs/graphql';
import { DateScalar, Public } from '@cl/platform';
import { DISTRICTS, POLICY_VERSIONS, tierEntriesOn } from '../domain';
import { Clock } from '../application/clock';
import { dateArg, toTierInfo } from '../application/queries';
import { District, PolicyVersion, TierInfo } from './types/reference.types';

/** The catalogues: tiers and groups of both ladders, the policy versions, Tianjin's districts. */
@Resolver()
export class ReferenceResolver {
  constructor(private readonly clock: Clock) {}

  @Public()
  @Query(() => [TierInfo], {
    description: 'Certificate tiers and groups under the policy in force on `on` (default today).',
  })
  tiers(@Args('on', { type: () => DateScalar, nullable: true }) on?: string | null): TierInfo[] {
    return tierEntriesOn(dateArg(on, 'on', this.clock.today())).map(toTierInfo);
  }

  @Public()
  @Query(() => [PolicyVersion])
  policyVersions(): PolicyVersion[] {
    return POLICY_VERSIONS.map(({ id, effectiveFrom, source, summary }) => ({ id, effectiveFrom, source, summary }));
  }

  @Public()
  @Query(() => [District])
  districts(): District[] {
    return DISTRICTS.map(({ code, name }) => ({ code, name }));
  }
}
