// GraphQL subscriptions over WebSocket (Mercurius's: the graphql-transport-ws protocol of the graphql-ws client,
// and the older subscriptions-transport-ws). The socket carries subscriptions only: queries and mutations go over
// HTTP, where the rate limits, CSRF prevention, metrics and read-your-writes apply. The token travels in the
// connection's payload (`connectionParams.authorization: "Bearer …"`); the same guard checks it per operation, so a
// refusal is a coded GraphQL error, not a closed socket.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DocumentNode, GraphQLError, type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from './request-context';
import type { queryLimits } from './query-limits';

/** The context of a subscription: its token as the guard reads it from an HTTP request. */
export function subscriptionContext(connectionParams: unknown): RequestContext {
  const params = (typeof connectionParams === 'object' && connectionParams !== null ? connectionParams : {}) as Record<
    string,
    unknown
  >;
  const authorization = params.authorization ?? params.Authorization;
  const requestId = randomUUID();
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (typeof authorization === 'string') headers.authorization = authorization;
  return {
    req: { headers, id: requestId } as unknown as RequestContext['req'],
    requestId,
  };
}

const refusal = (message: string, code: string, rule?: string) =>
  new GraphQLError(message, { extensions: { code, ...(rule ? { rule } : {}) } });

/** Over the socket a query or mutation is refused, pointing to POST /graphql. */
export const SUBSCRIPTION_ONLY = () =>
  refusal(
    'Over WebSocket this service takes subscriptions only: send queries and mutations to POST /graphql',
    'BAD_REQUEST',
    'SUBSCRIPTION_ONLY',
  );

/** How long a socket may stay open without its connection_init (graphql-ws's connectionInitWaitTimeout). */
export const CONNECTION_INIT_WAIT_MS = 5_000;

const INIT_TIMER = Symbol('connection_init timer');
type Upgrade = IncomingMessage & { [INIT_TIMER]?: NodeJS.Timeout };

/**
 * A socket that has not sent connection_init within CONNECTION_INIT_WAIT_MS is cut (its TCP connection closed):
 * the timer starts at the upgrade and stops when Mercurius builds the connection's context at connection_init.
 */
const initDeadline = {
  verifyClient: (info: { req: Upgrade }, next: (ok: boolean) => void) => {
    const socket = info.req.socket;
    const timer = setTimeout(() => socket.destroy(), CONNECTION_INIT_WAIT_MS).unref();
    socket.once('close', () => clearTimeout(timer));
    info.req[INIT_TIMER] = timer;
    next(true);
  },
  context: (_socket: unknown, request: { raw: Upgrade }) => {
    clearTimeout(request.raw[INIT_TIMER]);
    return {};
  },
};

/**
 * Mercurius subscription options and hooks: the HTTP path's parse limit (tokens) and validation rules (aliases,
 * depth, directives), every refusal a coded error on the operation.
 */
export function subscriptionOptions(guard: ReturnType<typeof queryLimits>, logger: Logger) {
  const rules = [...specifiedRules, ...guard.validationRules];
  return {
    options: {
      // queries and mutations over the socket reach the preExecution check, which refuses them with a code
      fullWsTransport: true,
      ...initDeadline,
      onConnect: ({ payload }: { payload?: unknown }) => subscriptionContext(payload),
    },
    preSubscriptionParsing: async (_schema: GraphQLSchema, source: string) => {
      try {
        parse(source, guard.parseOptions);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.debug({ message }, 'subscription refused');
        throw refusal(
          message,
          'GRAPHQL_PARSE_FAILED',
          /more th(?:at|an) \d+ tokens/.test(message) ? 'MAX_TOKENS' : undefined,
        );
      }
    },
    preSubscriptionExecution: async (schema: GraphQLSchema, document: DocumentNode) => {
      const [error] = validate(schema, document, rules);
      if (!error) return;
      logger.debug({ message: error.message }, 'subscription refused');
      throw typeof error.extensions.code === 'string' ? error : refusal(error.message, 'GRAPHQL_VALIDATION_FAILED');
    },
  };
}
