import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  enterpriseDecider,
  enterpriseStreamName,
  parseCreditCode,
  type EnterpriseCommand,
  type EnterpriseState,
} from '../../domain';
import type { CommandContext } from './command-context';
import { CommandExecutor, type CommandOutcome } from './command-executor';
import { authorizeEnterpriseCommand } from './enterprise-authorization';

/** Any command on one enterprise's stream (register, rename, relocate, deregister, grant, renew, revoke, retract, lapse). */
export class ExecuteEnterpriseCommand extends Command<CommandOutcome<EnterpriseState>> {
  constructor(
    readonly creditCode: string,
    readonly command: EnterpriseCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** One handler serves every enterprise command: the rules live in the decider, not here. */
@CommandHandler(ExecuteEnterpriseCommand)
export class ExecuteEnterpriseCommandHandler implements ICommandHandler<ExecuteEnterpriseCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ creditCode, command, context }: ExecuteEnterpriseCommand): Promise<CommandOutcome<EnterpriseState>> {
    const code = parseCreditCode(creditCode);
    const normalised: EnterpriseCommand =
      command.type === 'RegisterEnterprise' ? { ...command, data: { ...command.data, creditCode: code } } : command;
    return this.executor.execute(
      {
        decider: enterpriseDecider,
        streamId: enterpriseStreamName(code),
        command: normalised,
        operation: normalised.type,
        input: normalised.data,
        authorize: (state) => authorizeEnterpriseCommand(context.actor, command, state),
      },
      context,
    );
  }
}
