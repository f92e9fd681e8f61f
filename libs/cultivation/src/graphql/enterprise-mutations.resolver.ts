import { UseInterceptors } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Roles } from '@cl/platform';
import type { EnterpriseCommand } from '../domain';
import { Clock } from '../application/clock';
import { ExecuteEnterpriseCommand } from '../application/commands';
import { AdmitWrites } from './admit-writes.interceptor';
import { CallerContext, type Caller } from './request-context';
import { toEnterprise } from '../application/queries';
import { presentEvent } from './presenters';
import { CommandResult } from './types/enterprise.types';
import {
  DeregisterEnterpriseInput,
  RegisterEnterpriseInput,
  RelocateEnterpriseInput,
  RecordAnnualUpdateInput,
  RenameEnterpriseInput,
} from './inputs/enterprise.inputs';
import {
  GrantCertificationInput,
  RenewCertificationInput,
  RetractCertificationInput,
  RevokeCertificationInput,
} from './inputs/certification.inputs';

type Input = { creditCode: string; commandId?: string | null; expectedVersion?: number | null };

/** The enterprise mutations: each translates its input into a command for the bus, nothing more. */
@Resolver()
@Roles('DISTRICT_OFFICIAL', 'MUNICIPAL_OFFICIAL')
@UseInterceptors(new AdmitWrites({ assignCommandId: true }))
export class EnterpriseMutationsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  private async run(input: Input, command: EnterpriseCommand, caller: Caller): Promise<CommandResult> {
    const outcome = await this.commands.execute(
      new ExecuteEnterpriseCommand(input.creditCode, command, {
        ...caller,
        commandId: input.commandId,
        expectedVersion: 'expectedVersion' in input ? input.expectedVersion : undefined,
      }),
    );
    return {
      enterprise: toEnterprise(outcome.state, outcome.version, this.clock.today()),
      events: outcome.duplicate ? [] : outcome.events.map(presentEvent),
      position: outcome.position,
    };
  }

  @Mutation(() => CommandResult)
  registerEnterprise(@Args('input') input: RegisterEnterpriseInput, @CallerContext() caller: Caller) {
    const { creditCode, name, district, industryCode } = input;
    return this.run(input, { type: 'RegisterEnterprise', data: { creditCode, name, district, industryCode } }, caller);
  }

  @Mutation(() => CommandResult)
  renameEnterprise(@Args('input') input: RenameEnterpriseInput, @CallerContext() caller: Caller) {
    return this.run(
      input,
      { type: 'RenameEnterprise', data: { name: input.name, effectiveOn: input.effectiveOn } },
      caller,
    );
  }

  @Mutation(() => CommandResult, { description: "Officials: an enterprise's yearly information update was submitted." })
  recordAnnualUpdate(@Args('input') input: RecordAnnualUpdateInput, @CallerContext() caller: Caller) {
    return this.run(
      input,
      { type: 'RecordAnnualUpdate', data: { year: input.year, submittedOn: input.submittedOn } },
      caller,
    );
  }

  @Mutation(() => CommandResult)
  relocateEnterprise(@Args('input') input: RelocateEnterpriseInput, @CallerContext() caller: Caller) {
    return this.run(
      input,
      { type: 'RelocateEnterprise', data: { toDistrict: input.toDistrict, effectiveOn: input.effectiveOn } },
      caller,
    );
  }

  @Mutation(() => CommandResult)
  deregisterEnterprise(@Args('input') input: DeregisterEnterpriseInput, @CallerContext() caller: Caller) {
    return this.run(
      input,
      { type: 'DeregisterEnterprise', data: { effectiveOn: input.effectiveOn, reason: input.reason } },
      caller,
    );
  }

  @Mutation(() => CommandResult)
  grantCertification(@Args('input') input: GrantCertificationInput, @CallerContext() caller: Caller) {
    const { tier, level, certificateNo, grantedOn, validUntil, batch } = input;
    return this.run(
      input,
      { type: 'GrantCertification', data: { tier, level, certificateNo, grantedOn, validUntil, batch } },
      caller,
    );
  }

  @Mutation(() => CommandResult)
  renewCertification(@Args('input') input: RenewCertificationInput, @CallerContext() caller: Caller) {
    const { tier, renewedOn, validUntil, certificateNo } = input;
    return this.run(
      input,
      { type: 'RenewCertification', data: { tier, renewedOn, validUntil, certificateNo } },
      caller,
    );
  }

  @Mutation(() => CommandResult)
  revokeCertification(@Args('input') input: RevokeCertificationInput, @CallerContext() caller: Caller) {
    const { tier, revokedOn, reason, note } = input;
    return this.run(input, { type: 'RevokeCertification', data: { tier, revokedOn, reason, note } }, caller);
  }

  @Mutation(() => CommandResult)
  retractCertification(@Args('input') input: RetractCertificationInput, @CallerContext() caller: Caller) {
    const { tier, eventId, reason } = input;
    return this.run(input, { type: 'RetractCertification', data: { tier, eventId, reason } }, caller);
  }
}
