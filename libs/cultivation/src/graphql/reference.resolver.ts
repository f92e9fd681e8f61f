import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@cl/platform';
import { DISTRICTS, tierPoliciesOn } from '../domain';
import { Clock } from '../application/clock';
import { District, TierInfo } from './types/reference.types';

/** The catalogues: tiers of both ladders and Tianjin's districts. */
@Resolver()
export class ReferenceResolver {
  constructor(private readonly clock: Clock) {}

  @Public()
  @Query(() => [TierInfo])
  tiers(): TierInfo[] {
    return tierPoliciesOn(this.clock.today()).map(({ tier, ladder, rung, nameZh, nameEn }) => ({
      tier,
      ladder,
      rung,
      nameZh,
      nameEn,
    }));
  }

  @Public()
  @Query(() => [District])
  districts(): District[] {
    return DISTRICTS.map(({ code, name }) => ({ code, name }));
  }
}
