import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@cl/platform';
import type { CommandContext } from '../application/commands';

interface GqlContext {
  actor?: Actor;
  requestId?: string;
  req: { headers: Record<string, string | string[] | undefined> };
}

/** The caller and request as a command context's fields (source GRAPHQL, correlation id from X-Correlation-Id). */
export const CallerContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Pick<CommandContext, 'actor' | 'source' | 'correlationId'> => {
    const gql = GqlExecutionContext.create(context).getContext<GqlContext>();
    if (!gql.actor) throw new Error('CallerContext used on an operation without authentication');
    const header = gql.req.headers['x-correlation-id'];
    const correlationId =
      typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header) ? header : gql.requestId || randomUUID();
    return { actor: gql.actor, source: 'GRAPHQL', correlationId };
  },
);

export type Caller = Pick<CommandContext, 'actor' | 'source' | 'correlationId'>;

/** The Accept-Language header of the request (the import report answers in the language it asks for). */
export const AcceptLanguage = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | string[] | undefined =>
    GqlExecutionContext.create(context).getContext<GqlContext>().req.headers['accept-language'],
);
