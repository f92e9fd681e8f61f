import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { DiscoveryService } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DocumentNode, GraphQLError, type GraphQLSchema, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { requestIdOf } from '../http/json-errors';
import { errorFormatter, RequestErrors } from './error-formatter';
import { inputHygieneRefusal } from './input-hygiene';
import { discoveredChecks, operationOf, type OperationContext, requestedOperationName } from './operation-checks';
import { noteOperation } from './operation-plugin';
import { type QueryLimits, queryLimits } from './query-limits';
import type { RequestContext } from './request-context';
import { DateTimeScalar } from './scalars';
import { SUBSCRIPTION_ONLY, subscriptionOptions } from './subscriptions';

export type { RequestContext } from './request-context';

const refused = (message: string, code: string, rule?: string) =>
  new RequestErrors([new GraphQLError(message, { extensions: { code, ...(rule ? { rule } : {}) } })]);

/**
 * Mercurius (graphql-jit), code-first, with the hardening the service runs with in every environment. `discovery`
 * finds the BeforeOperation checks of the other modules (rate limits, read-your-writes).
 */
export function graphqlOptions(
  config: AppConfig,
  logger: Logger,
  schemaFile: string | true,
  limits: QueryLimits,
  discovery: DiscoveryService,
): MercuriusDriverConfig {
  const guard = queryLimits(limits);
  const checks = discoveredChecks(discovery);
  const subscriptions = subscriptionOptions(guard, logger);

  /** Over the socket only subscriptions run: a query or mutation is refused before it is even parsed. */
  async function preParsing(_schema: GraphQLSchema, _source: string, context: OperationContext): Promise<void> {
    if (!context.reply) throw SUBSCRIPTION_ONLY();
  }

  /** Before every execution, in order: the operation, the input's text, the cost, then the modules' checks. */
  async function preExecution(
    schema: GraphQLSchema,
    document: DocumentNode,
    context: OperationContext,
    variables: Record<string, unknown> | undefined,
  ): Promise<void> {
    const reply = context.reply;
    if (!reply) throw SUBSCRIPTION_ONLY(); // (preParsing refused it already)
    const operation = operationOf(document, reply);
    if (!operation) {
      const name = requestedOperationName(reply);
      throw refused(
        name === undefined
          ? 'Must provide operation name if query contains multiple operations.'
          : `Unknown operation named "${name}".`,
        'OPERATION_RESOLUTION_FAILURE',
      );
    }
    noteOperation(reply.request.raw, operation);
    if (operation.operation === 'subscription') {
      throw refused(
        'Subscriptions run over WebSocket (graphql-ws) at /graphql, not over HTTP',
        'BAD_REQUEST',
        'SUBSCRIPTION_OVER_HTTP',
      );
    }
    const values = variables ?? {};
    const refusal = inputHygieneRefusal(document, values) ?? guard.cost(schema, document, operation, values);
    if (refusal) throw new RequestErrors([refusal]);
    for (const check of checks()) await check.beforeOperation({ operation, document, variables: values, context });
  }

  return {
    path: '/graphql',
    autoSchemaFile: schemaFile,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    graphiql: false,
    jit: 1, // compiled with graphql-jit from a document's second use
    allowBatchedQueries: false,
    // No route schemas: createApi's hooks check the request's shape (graphqlRequestShape), and Mercurius's response
    // schema would print an error's path indexes as strings (["edges", "0"]) where GraphQL has numbers.
    additionalRouteOptions: { schema: {} },
    validationRules: config.introspection
      ? guard.validationRules
      : [...guard.validationRules, NoSchemaIntrospectionCustomRule],
    graphql: { parseOptions: guard.parseOptions },
    errorFormatter: errorFormatter(logger) as MercuriusDriverConfig['errorFormatter'],
    context: (request: FastifyRequest, reply: FastifyReply): RequestContext => ({
      req: request,
      res: reply,
      requestId: requestIdOf(request.raw as { id?: unknown }) ?? '',
    }),
    subscription: subscriptions.options as MercuriusDriverConfig['subscription'],
    hooks: {
      preParsing: preParsing as never,
      preExecution: preExecution as never,
      preSubscriptionParsing: subscriptions.preSubscriptionParsing as never,
      preSubscriptionExecution: subscriptions.preSubscriptionExecution as never,
    },
  };
}
