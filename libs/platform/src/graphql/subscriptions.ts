// GraphQL subscriptions over WebSocket (the graphql-ws protocol, which Nest's Apollo driver serves natively, and
// which Mercurius speaks too should the engine change). The socket carries subscriptions only: queries and
// mutations go over HTTP, where the rate limits, CSRF prevention, metrics and read-your-writes apply. The token
// travels in the connection's payload (`connectionParams.authorization: "Bearer …"`); the same guard checks it per
// operation, so a refusal is a coded GraphQL error, not a closed socket.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  parse,
  type Source,
  specifiedRules,
  validate,
} from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from './request-context';
import type { queryLimits } from './query-limits';

/** What graphql-ws hands the context function. */
export interface SubscriptionContextArgs {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra?: { request?: IncomingMessage };
}

/** The context of a subscription: its token as the guard reads it from an HTTP request. */
export function subscriptionContext({ connectionParams, extra }: SubscriptionContextArgs): RequestContext {
  const authorization = connectionParams?.authorization ?? connectionParams?.Authorization;
  const requestId = randomUUID();
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (typeof authorization === 'string') headers.authorization = authorization;
  return {
    req: { headers, ip: extra?.request?.socket.remoteAddress, id: requestId } as unknown as RequestContext['req'],
    res: undefined as unknown as RequestContext['res'],
    requestId,
  };
}

const refusal = (message: string, code: string, rule: string) =>
  new GraphQLError(message, { extensions: { code, rule } });

function onlySubscriptions(document: DocumentNode): GraphQLError | undefined {
  const other = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'subscription',
  );
  return other
    ? refusal(
        'Over WebSocket this service takes subscriptions only: send queries and mutations to POST /graphql',
        'BAD_REQUEST',
        'SUBSCRIPTION_ONLY',
      )
    : undefined;
}

/**
 * graphql-ws options: the HTTP path's parse limit (tokens) and validation rules (aliases, depth, directives),
 * subscriptions only. A document over the token limit closes the socket (graphql-ws's answer to a parse failure);
 * every other refusal is a coded error on the operation.
 */
export function subscriptionServerOptions(guard: ReturnType<typeof queryLimits>, logger: Logger) {
  const rules = [...specifiedRules, ...guard.validationRules];
  return {
    path: '/graphql',
    connectionInitWaitTimeout: 5_000,
    parse: (source: string | Source) => parse(source, guard.parseOptions),
    validate: (schema: GraphQLSchema, document: DocumentNode): GraphQLError[] => {
      const wrong = onlySubscriptions(document);
      return wrong ? [wrong] : [...validate(schema, document, rules)];
    },
    onError: (_ctx: unknown, _id: unknown, _payload: unknown, errors: readonly GraphQLError[]) => {
      logger.debug({ errors: errors.map((e) => e.message) }, 'subscription refused');
    },
  };
}
