import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { OperationDefinitionNode } from 'graphql';
import type { Metrics } from '../metrics';

/** What the request log line and the metrics find of the GraphQL operation (set on the raw request). */
export interface OperationOnRequest {
  graphqlOperation?: { name: string | null; type: string | null };
  /** OK, or the first error's extensions.code as answered; set once GraphQL answered the request. */
  graphqlCode?: string;
}

/** Notes the operation a request runs (its name and type go on the request's log line). */
export function noteOperation(raw: object, operation: OperationDefinitionNode): void {
  (raw as OperationOnRequest).graphqlOperation = { name: operation.name?.value ?? null, type: operation.operation };
}

/** Notes how GraphQL answered the request: OK, or its first error's code. */
export function noteOutcome(raw: object, code: string): void {
  (raw as OperationOnRequest).graphqlCode = code;
}

/**
 * A Fastify onResponse hook: each GraphQL operation's latency by name, type and outcome code (OK, or the first
 * error's extensions.code as answered) in the metrics.
 */
export function operationMetrics(metrics: Metrics) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const raw = request.raw as OperationOnRequest;
    if (raw.graphqlOperation || raw.graphqlCode) {
      const { name = null, type = null } = raw.graphqlOperation ?? {};
      metrics.graphqlOperation(name, type ?? undefined, raw.graphqlCode ?? 'OK', reply.elapsedTime / 1000);
    }
    done();
  };
}
