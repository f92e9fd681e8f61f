import { type ApolloDriverConfig } from '@nestjs/apollo';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { isUnavailable, RETRY_AFTER_SECONDS } from '../faults';
import type { Metrics } from '../metrics';
import { formatGraphQLError } from './format-error';
import { inputHygienePlugin } from './input-hygiene';
import { operationPlugin } from './operation-plugin';
import { type QueryLimits, queryLimits } from './query-limits';
import type { RequestContext } from './request-context';
import { DateTimeScalar } from './scalars';
import { subscriptionContext, type SubscriptionContextArgs, subscriptionServerOptions } from './subscriptions';

export type { RequestContext } from './request-context';

interface HttpContextArgs {
  req: RequestContext['req'];
  res: Response;
}

function logUnexpectedErrors(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === 'UNAVAILABLE' || isUnavailable(error.originalError)) {
              logger.warn(
                { requestId: contextValue.requestId, err: error.originalError ?? error },
                'database unavailable',
              );
            } else if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
              logger.error(
                { requestId: contextValue.requestId, err: error.originalError ?? error },
                'GraphQL request failed',
              );
            }
          }
        },
      };
    },
  };
}

/** An answer carrying UNAVAILABLE is HTTP 503 with Retry-After, so plain HTTP clients and proxies see it too. */
function unavailableIs503(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (!errors?.some((e) => e.extensions?.code === 'UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/** Apollo, code-first, with the hardening the service runs with in every environment. */
export function graphqlOptions(
  config: AppConfig,
  logger: Logger,
  schemaFile: string | true,
  limits: QueryLimits,
  metrics?: Metrics,
): ApolloDriverConfig {
  const guard = queryLimits(limits);
  return {
    path: '/graphql',
    autoSchemaFile: schemaFile,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    introspection: config.introspection,
    csrfPrevention: true,
    playground: false,
    includeStacktraceInErrorResponses: false,
    validationRules: guard.validationRules,
    parseOptions: guard.parseOptions,
    formatError: formatGraphQLError,
    plugins: [
      logUnexpectedErrors(logger),
      operationPlugin(metrics),
      inputHygienePlugin(),
      unavailableIs503(),
      ...guard.plugins,
    ],
    // Nest would reset every answer with data to 200 after our plugins; UNAVAILABLE must stay 503. The statuses our
    // plugins set before execution (400, 429, 503 STALE_READ) are Apollo's own extensions.http, unaffected.
    preserveHttpStatusForExecutionErrors: false,
    context: (arg: HttpContextArgs | SubscriptionContextArgs): RequestContext =>
      'req' in arg ? { ...arg, requestId: String(arg.req.id ?? '') } : subscriptionContext(arg),
    subscriptions: { 'graphql-ws': subscriptionServerOptions(guard, logger) },
  };
}
