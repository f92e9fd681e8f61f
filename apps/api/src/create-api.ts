import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import type { Clock } from '@cl/cultivation';
import {
  type AppConfig,
  graphqlContentType,
  httpMetrics,
  Metrics,
  PinoNestLogger,
  requestDeadline,
  requestLogging,
  requestScope,
  securityHeaders,
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

/** The largest request body: an import of a few MB of spreadsheet, base64. */
const BODY_LIMIT = '6mb';

/** Builds the API application (not yet listening): the one composition used by main and by e2e tests. */
export async function createApi(options: ApiOptions): Promise<NestExpressApplication> {
  const metrics = new Metrics();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ ...options, metrics }), {
    logger: new PinoNestLogger(options.logger),
    bodyParser: false,
    abortOnError: false, // throw start-up errors to the caller instead of exiting the process
  });
  app.use(httpMetrics(metrics));
  app.use(requestLogging(options.logger));
  app.use(requestScope());
  app.use(securityHeaders(options.config.oidcIssuer));
  app.use(graphqlContentType());
  app.use('/graphql', requestDeadline(options.config.requestTimeoutMs));
  // Body errors (not JSON, too large) reach the exception filter, which answers them as JSON (json-errors.ts).
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.disable('x-powered-by');
  return app;
}
