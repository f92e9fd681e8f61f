import { UseInterceptors } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Roles } from '@cl/platform';
import { SetTargetCommand } from '../application/commands';
import { ProgressQueries, ProjectionStatusQueries } from '../application/queries';
import { CONSISTENCY_WAIT_MS } from './consistency.plugin';
import { SetTargetInput } from './inputs/certification.inputs';
import { AdmitWrites } from './admit-writes.interceptor';
import { CallerContext, type Caller } from './request-context';
import { TargetProgress } from './types/progress.types';

/** Targets are events on their own stream; the answer is the tier's progress (the city's or the district's) under the new target. */
@Resolver()
export class TargetsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly progress: ProgressQueries,
    private readonly status: ProjectionStatusQueries,
  ) {}

  @Roles('MUNICIPAL_OFFICIAL')
  @UseInterceptors(new AdmitWrites({ assignCommandId: true }))
  @Mutation(() => TargetProgress)
  async setTarget(@Args('input') input: SetTargetInput, @CallerContext() caller: Caller): Promise<TargetProgress> {
    const { tier, level, target, metric, deadline, district } = input;
    const outcome = await this.commands.execute(
      new SetTargetCommand(
        { type: 'SetTarget', data: { tier, level, target, metric, deadline, district } },
        { ...caller, commandId: input.commandId },
      ),
    );
    // The progress row comes from the read models: let them take in the new target first.
    if (outcome.position) await this.status.waitForPosition(outcome.position, CONSISTENCY_WAIT_MS);
    const rows = await this.progress.cohortProgress(null, district);
    const row = rows.find((r) => r.tier.tier === tier);
    if (!row) throw new Error(`no progress row for ${tier}`);
    return row;
  }
}
