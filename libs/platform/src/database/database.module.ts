import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import { runMigrationsLocked } from './run-migrations';

export interface DatabaseOptions {
  url: string;
  /** Every library's migrations; run at start, in timestamp order. */
  migrations: MixedList<Function>;
  poolSize?: number;
  /** Longest wait for a pooled connection, connecting included (pg connectionTimeoutMillis). */
  connectionTimeoutMs?: number;
  /** Server-side limit of each statement (statement_timeout) and the client's wait for its answer. */
  statementTimeoutMs?: number;
}

/** pg Pool options that bound every wait: for a connection, for a statement, for its answer. */
export function boundedPoolOptions(options: { connectionTimeoutMs?: number; statementTimeoutMs?: number }) {
  return {
    ...(options.connectionTimeoutMs ? { connectionTimeoutMillis: options.connectionTimeoutMs } : {}),
    ...(options.statementTimeoutMs
      ? { statement_timeout: options.statementTimeoutMs, query_timeout: options.statementTimeoutMs + 1_000 }
      : {}),
  };
}

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
            extra: { max: options.poolSize ?? 20, ...boundedPoolOptions(options) },
            logging: ['error'],
          }),
          dataSourceFactory: async (config?: DataSourceOptions) => {
            if (!config) throw new Error('DatabaseModule: no DataSource options');
            // Migrations run on connections of their own, without the statement limit a request has.
            const migrator = await new DataSource({ ...config, extra: { max: 2 } } as DataSourceOptions).initialize();
            try {
              await runMigrationsLocked(migrator);
            } finally {
              await migrator.destroy();
            }
            return new DataSource(config).initialize();
          },
        }),
      ],
    };
  }
}
