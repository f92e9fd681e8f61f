import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Metrics } from './metrics';

/** A Fastify onResponse hook: each response's latency, by method, path and status code. */
export function httpMetrics(metrics: Metrics) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    metrics.httpRequest(request.method, request.url.split('?')[0]!, reply.statusCode, reply.elapsedTime / 1000);
    done();
  };
}
