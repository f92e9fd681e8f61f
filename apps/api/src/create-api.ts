import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { Clock } from '@cl/cultivation';
import {
  type AppConfig,
  BODY_LIMIT_BYTES,
  csrfPrevention,
  graphqlContentType,
  graphqlRequestShape,
  httpMetrics,
  Metrics,
  operationMetrics,
  PinoNestLogger,
  requestDeadline,
  requestLogging,
  requestScope,
  securityHeaders,
  useJsonBody,
} from '@cl/platform';
import { AppModule } from './app.module';

export interface ApiOptions {
  config: AppConfig;
  logger: Logger;
  databaseUrl: string;
  schemaFile: string | true;
  /** Tests pin today; the service uses the wall clock in Asia/Shanghai. */
  clock?: Clock;
}

const GRAPHQL_PATHS: ReadonlySet<string> = new Set(['/graphql']);

/** Builds the API application (not yet listening): the one composition used by main and by e2e tests. */
export async function createApi(options: ApiOptions): Promise<NestFastifyApplication> {
  const metrics = new Metrics();
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // Node's own server defaults, as the service had them on Express (Fastify's: no request timeout, 72 s
    // keep-alive, 503 to requests arriving during a stop)
    requestTimeout: 300_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: false,
  });
  const fastify = adapter.getInstance();
  const scope = requestScope();
  // In this order on every request: its id and log line, its scope, the security headers, the refusals that need no
  // body (405, 415, CSRF), the deadline; once the body is read, its shape; the scope again right before the handler.
  fastify.addHook('onRequest', requestLogging(options.logger));
  fastify.addHook('onRequest', scope.onRequest);
  fastify.addHook('onRequest', securityHeaders(options.config.oidcIssuer));
  fastify.addHook('onRequest', graphqlContentType());
  fastify.addHook('onRequest', csrfPrevention());
  fastify.addHook('onRequest', requestDeadline(options.config.requestTimeoutMs, GRAPHQL_PATHS));
  fastify.addHook('preValidation', graphqlRequestShape());
  fastify.addHook('preHandler', scope.preHandler);
  fastify.addHook('onResponse', httpMetrics(metrics));
  fastify.addHook('onResponse', operationMetrics(metrics));
  // Body errors (not JSON, too large) are answered as JSON (json-errors.ts), on /graphql by the error formatter.
  useJsonBody(fastify);
  return NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ ...options, metrics }), adapter, {
    logger: new PinoNestLogger(options.logger),
    bodyParser: false,
    abortOnError: false, // throw start-up errors to the caller instead of exiting the process
  });
}
