import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { type Clock, CultivationModule, LEDGER_MIGRATIONS, QUERY_LIMITS } from '@cl/cultivation';
import { eventStoreFactory } from './event-store.factory';
import {
  type AppConfig,
  AuthModule,
  DatabaseModule,
  graphqlOptions,
  HealthModule,
  type Metrics,
  MetricsModule,
  PlatformModule,
  ServiceInfoResolver,
  WebConsoleModule,
} from '@cl/platform';

export interface ApiModuleOptions {
  config: AppConfig;
  logger: Logger;
  databaseUrl: string;
  /** Where the generated schema is written; `true` keeps it in memory (tests). */
  schemaFile: string | true;
  clock?: Clock;
  /** The application's metrics (served at /metrics). */
  metrics: Metrics;
  /**
   * Another GraphQL driver's module in place of Apollo's (bench/engines-api.ts: the same resolvers behind Mercurius
   * or Yoga, for the side-by-side figure only; the service always runs the Apollo module below).
   */
  graphqlModule?: DynamicModule;
}

/** Composition only: which libraries make up the API process. */
@Module({})
export class AppModule {
  static forRoot({
    config,
    logger,
    databaseUrl,
    schemaFile,
    clock,
    metrics,
    graphqlModule,
  }: ApiModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, logger),
        MetricsModule.forRoot(metrics),
        DatabaseModule.forRoot({
          url: databaseUrl,
          migrations: LEDGER_MIGRATIONS,
          readStatementTimeoutMs: config.readStatementTimeoutMs,
          connectionTimeoutMs: config.databaseWaitMs,
          logger,
        }),
        graphqlModule ??
          GraphQLModule.forRoot<ApolloDriverConfig>({
            driver: ApolloDriver,
            ...graphqlOptions(config, logger, schemaFile, QUERY_LIMITS, metrics),
          }),
        HealthModule,
        AuthModule,
        WebConsoleModule.forRoot(config, logger),
        CultivationModule.forRoot({
          eventStore: eventStoreFactory(config, databaseUrl, logger, metrics),
          clock,
          projector: config.projectorInProcess && {
            onVersionMismatch: config.projectionVersionMismatch,
            minReadIntervalMs: config.projectorMinReadIntervalMs,
          },
          liveCheckpoint: { url: databaseUrl, maxAgeMs: config.liveCheckpointMaxAgeMs },
          liveSubscriptions: { maxSubscribers: config.subscriptionsMax },
        }),
      ],
      providers: [ServiceInfoResolver],
    };
  }
}
