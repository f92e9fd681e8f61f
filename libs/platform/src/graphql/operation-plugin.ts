import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../metrics';

/** Where the request log line finds the GraphQL operation (set on the Express request). */
export interface OperationOnRequest {
  graphqlOperation?: { name: string | null; type: string | null };
}

/**
 * Each GraphQL operation: its name and type on the request's log line, and its latency by name, type and
 * outcome code (OK, or the first error's extensions.code as answered) in the metrics.
 */
export function operationPlugin(metrics: Metrics | undefined): ApolloServerPlugin<{ req: object }> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const req = contextValue.req as OperationOnRequest;
      let type: string | undefined;
      return {
        async didResolveOperation({ operationName, operation }) {
          type = operation?.operation;
          req.graphqlOperation = { name: operationName ?? null, type: type ?? null };
        },
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const first = errors?.[0]?.extensions?.code;
          const code = errors?.length ? (typeof first === 'string' ? first : 'INTERNAL_SERVER_ERROR') : 'OK';
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics?.graphqlOperation(operationName, type, code, seconds);
        },
      };
    },
  };
}
