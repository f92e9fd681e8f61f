import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessDenied, hasRole } from '@cl/platform';
import { TARGETS_STREAM, targetsDecider, type TargetsCommand, type TargetsState } from '../../domain';
import type { CommandContext } from './command-context';
import { CommandExecutor, type CommandOutcome } from './command-executor';

/** Sets one tier's numeric target (stream `targets`). */
export class SetTargetCommand extends Command<CommandOutcome<TargetsState>> {
  constructor(
    readonly command: TargetsCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SetTargetCommand)
export class SetTargetHandler implements ICommandHandler<SetTargetCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, context }: SetTargetCommand): Promise<CommandOutcome<TargetsState>> {
    return this.executor.execute(
      {
        decider: targetsDecider,
        streamId: TARGETS_STREAM,
        command,
        operation: command.type,
        input: command.data,
        authorize: () => {
          if (!hasRole(context.actor, 'MUNICIPAL_OFFICIAL'))
            throw new AccessDenied('FORBIDDEN', 'Only a municipal official sets targets', 'ROLE_REQUIRED', 'input');
        },
      },
      context,
    );
  }
}
