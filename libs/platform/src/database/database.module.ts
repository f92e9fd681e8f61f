import { type DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import { runMigrationsLocked } from './run-migrations';
import { typeormLogger } from './typeorm-logger';

export interface DatabaseOptions {
  url: string;
  /** Every library's migrations; run at start, in timestamp order. */
  migrations: MixedList<Function>;
  poolSize?: number;
  /**
   * statement_timeout (ms) of the read pool, READ_DATA_SOURCE: a query that would run longer is cancelled by
   * PostgreSQL itself, so no request can hold a connection and a core for long. 0: no limit.
   */
  readStatementTimeoutMs?: number;
  /** Where TypeORM's messages go (JSON lines); without it, failed queries are not logged by TypeORM. */
  logger?: Logger;
}

/** Injection token of the read pool: a DataSource for query paths, under the read statement timeout. */
export const READ_DATA_SOURCE = getDataSourceToken('read');
/** The name of the read pool's connections in pg_stat_activity. */
const READ_APPLICATION_NAME = 'cultivation-ledger-read';

/** TypeORM over the service's PostgreSQL. Schema changes only by migration (run at start), never synchronize. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres',
            url: options.url,
            migrations: options.migrations,
            synchronize: false,
            autoLoadEntities: true,
            extra: { max: options.poolSize ?? 20 },
            ...(options.logger ? { logger: typeormLogger(options.logger) } : { logging: false }),
          }),
          dataSourceFactory: async (config?: DataSourceOptions) => {
            if (!config) throw new Error('DatabaseModule: no DataSource options');
            const dataSource = await new DataSource(config).initialize();
            await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
        // Queries get their own pool: the timeout that protects them must not cut the projector, a rebuild or a
        // migration short, which share the database but not these connections.
        TypeOrmModule.forRootAsync({
          name: 'read',
          useFactory: () => ({
            name: 'read',
            type: 'postgres',
            url: options.url,
            synchronize: false,
            entities: [],
            extra: {
              max: 10,
              application_name: READ_APPLICATION_NAME,
              ...(options.readStatementTimeoutMs ? { statement_timeout: options.readStatementTimeoutMs } : {}),
            },
            ...(options.logger ? { logger: typeormLogger(options.logger) } : { logging: false }),
          }),
        }),
      ],
    };
  }
}
