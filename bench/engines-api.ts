// `ENGINE=mercurius|yoga node dist/bench/engines-api.js` (started by bench/engines.ts, never by the service): the
// API's own modules and resolvers (AppModule) behind another GraphQL driver on Fastify, for the side-by-side figure
// of issue 24 only. What it leaves out of the service's guarantees is listed in BENCHMARKS.md ("GraphQL engines"):
// none of createApi's Express middleware (request ids, logging, CSP, content-type and deadline checks, JSON body
// errors), none of the Apollo plugins (cost table, token limit, rate limits, read-your-writes, UNAVAILABLE → 503,
// operation metrics), no CSRF prevention and not the service's error formatting. It keeps armor's validation rules
// (aliases, depth, directives) and the resolvers' own guards (roles, district scope) and validation.
import 'reflect-metadata';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import { AppModule } from '../apps/api/src/app.module';
import { QUERY_LIMITS } from '@cl/cultivation';
import {
  createLogger,
  DateTimeScalar,
  loadConfig,
  Metrics,
  PinoNestLogger,
  queryLimits,
  resolveDatabase,
} from '@cl/platform';

type Engine = 'mercurius' | 'yoga';

/**
 * The part of graphql-yoga used here, loaded with require: importing its types augments graphql's
 * GraphQLErrorExtensions.http in a way that contradicts Apollo's (headers a Record, not a Map), which breaks the
 * service's own plugins under one tsc program.
 */
interface YogaServer {
  handleNodeRequestAndResponse(
    req: FastifyRequest,
    reply: FastifyReply,
    context: { req: FastifyRequest; reply: FastifyReply },
  ): Promise<{ status: number; headers: Headers; body: unknown }>;
}
interface YogaModule {
  createYoga(options: {
    schema: GraphQLSchema;
    graphqlEndpoint: string;
    graphiql: boolean;
    logging: boolean;
    maskedErrors: boolean;
    plugins: unknown[];
    context: (server: { req: FastifyRequest; reply: FastifyReply }) => object;
  }): YogaServer;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createYoga } = require('graphql-yoga') as YogaModule;

/** What the resolvers read of their request (RequestContext's fields that exist on Fastify). */
const contextOf = (req: FastifyRequest, reply: FastifyReply) => ({ req, res: reply, requestId: String(req.id) });

async function main(): Promise<void> {
  const engine = process.env.ENGINE as Engine;
  if (engine !== 'mercurius' && engine !== 'yoga') throw new Error('ENGINE must be mercurius or yoga');
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await resolveDatabase(config, logger, { giveUp: (line) => logger.fatal(line) });
  const { validationRules } = queryLimits(QUERY_LIMITS);
  const adapter = new FastifyAdapter({ bodyLimit: 6 * 2 ** 20 });
  // Mercurius serves /graphql itself; for Yoga it only builds the schema (Nest's resolvers bound into it) at a
  // path no one asks, and Yoga answers /graphql with that same executable schema.
  const graphqlModule = GraphQLModule.forRoot<MercuriusDriverConfig>({
    driver: MercuriusDriver,
    path: engine === 'mercurius' ? '/graphql' : '/graphql-mercurius-unused',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    graphiql: false,
    jit: 1, // graphql-jit from a query's first use
    validationRules,
    context: contextOf,
  });
  if (engine === 'yoga') {
    let yoga: YogaServer | undefined;
    const limits = {
      onValidate: ({ addValidationRule }: { addValidationRule: (rule: ValidationRule) => void }) =>
        validationRules.forEach(addValidationRule),
    };
    adapter.getInstance().route({
      url: '/graphql',
      method: ['GET', 'POST'],
      handler: async (req, reply) => {
        yoga ??= createYoga({
          schema: app.get(GraphQLSchemaHost).schema,
          graphqlEndpoint: '/graphql',
          graphiql: false,
          logging: false,
          maskedErrors: true,
          plugins: [useGraphQlJit(), limits],
          context: ({ req: request, reply: response }) => contextOf(request, response),
        });
        const response = await yoga.handleNodeRequestAndResponse(req, reply, { req, reply });
        response.headers.forEach((value, key) => void reply.header(key, value));
        reply.status(response.status);
        reply.send(response.body);
        return reply;
      },
    });
  }
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      logger,
      databaseUrl: database.url,
      schemaFile: true,
      metrics: new Metrics(),
      graphqlModule,
    }),
    adapter,
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  const stop = () =>
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await app.listen(config.port, '127.0.0.1');
  logger.info({ engine, port: config.port }, 'engine variant listening');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `engines-api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
