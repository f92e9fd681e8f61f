import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { DateScalar, Roles } from '@cl/platform';
import { LapseSweep } from '../application/commands/lapse-sweep';
import { CallerContext, type Caller } from './request-context';

/** City-wide operations of municipal officials. */
@Resolver()
@Roles('MUNICIPAL_OFFICIAL')
export class SystemMutationsResolver {
  constructor(private readonly sweep: LapseSweep) {}

  @Mutation(() => Int, {
    description:
      'MUNICIPAL_OFFICIAL: write CertificationLapsed for every grant whose validUntil is before `asOf` (default today). Idempotent.',
  })
  recordLapses(
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf: string | null,
    @CallerContext() caller: Caller,
  ): Promise<number> {
    return this.sweep.run(asOf, caller.actor, caller.correlationId);
  }
}
