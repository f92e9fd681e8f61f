import { randomUUID } from 'node:crypto';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Observable } from 'rxjs';
import { admitWrite } from '@cl/platform';

/**
 * Runs before a mutation writes (after the guards, before validation): the write is recorded for the request
 * deadline's answer, or refused if the deadline has passed. With `assignCommandId`, an input sent without a
 * `commandId` gets one here, so that the write is recorded under a key the deadline's answer can give back.
 */
export class AdmitWrites implements NestInterceptor {
  constructor(private readonly options: { assignCommandId: boolean }) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const gql = GqlExecutionContext.create(context);
    const input = gql.getArgs<{ input?: unknown }>().input as { commandId?: unknown } | undefined;
    let commandId = typeof input?.commandId === 'string' && input.commandId !== '' ? input.commandId : null;
    if (commandId === null && this.options.assignCommandId && input !== null && typeof input === 'object') {
      commandId = randomUUID();
      input.commandId = commandId;
    }
    admitWrite(String(gql.getInfo<GraphQLResolveInfo>().path.key), commandId);
    return next.handle();
  }
}
