import { UseInterceptors } from '@nestjs/common';
import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { DateScalar, Roles } from '@cl/platform';
import { LapseSweep } from '../application/commands/lapse-sweep';
import { AdmitWrites } from './admit-writes.interceptor';
import { CallerContext, type Caller } from './request-context';

/** City-wide operations of municipal officials. */
@Resolver()
@Roles('MUNICIPAL_OFFICIAL')
@UseInterceptors(new AdmitWrites({ assignCommandId: false })) // the sweep is idempotent: sent again, it writes what is left
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
