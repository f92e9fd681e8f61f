import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import {
  AppConfig,
  AuthModule,
  DatabaseModule,
  DateScalar,
  DateTimeScalar,
  graphqlOptions,
  HealthModule,
  PlatformModule,
  ServiceInfoResolver,
} from '@cl/platform';

export interface ApiModuleOptions {
  config: AppConfig;
  logger: Logger;
  databaseUrl: string;
  /** Where the generated schema is written; `true` keeps it in memory (tests). */
  schemaFile: string | true;
}

/** Composition only: which libraries make up the API process. */
@Module({})
export class AppModule {
  static forRoot({ config, logger, databaseUrl, schemaFile }: ApiModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, logger),
        DatabaseModule.forRoot({ url: databaseUrl, migrations: [] }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          ...graphqlOptions(config, logger, schemaFile),
        }),
        HealthModule,
        AuthModule,
      ],
      providers: [DateScalar, DateTimeScalar, ServiceInfoResolver],
    };
  }
}
