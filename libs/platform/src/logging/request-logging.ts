import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { OperationOnRequest } from '../graphql/operation-plugin';

/** Probes and scrapes come every few seconds: they are measured, not logged. */
const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * A Fastify onRequest hook (pino-http on the raw request): one JSON line per request (method, path without the query string, status, time; the GraphQL operation's name
 * and type; never a body or a header), with a request id (from X-Request-Id or new) echoed back.
 */
export function requestLogging(logger: Logger) {
  const log = pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? '').split('?')[0]!) },
    customProps: (req: IncomingMessage & OperationOnRequest) =>
      req.graphqlOperation ? { operation: req.graphqlOperation.name, operationType: req.graphqlOperation.type } : {},
    serializers: {
      // The path only: a GET's query string carries the operation and its variables.
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void =>
    log(request.raw, reply.raw, () => done());
}
