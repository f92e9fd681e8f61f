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
  /** Longest wait for a pooled connection, connecting included (pg connectionTimeoutMillis). */
  connectionTimeoutMs?: number;
  /** Server-side limit of each statement (statement_timeout). */
  statementTimeoutMs?: number;
  /** Where TypeORM's messages go (JSON lines); without it, failed queries are not logged by TypeORM. */
  logger?: Logger;
}

/** Injection token of the read pool: a DataSource for query paths, under the read statement timeout. */
export const READ_DATA_SOURCE = getDataSourceToken('read');
/** The name of the read pool's connections in pg_stat_activity. */
const READ_APPLICATION_NAME = 'cultivation-ledger-read';
/**
 * pg Pool options that bound the waits: for a connection (connecting included) and for a statement on the server.
 * No client-side query_timeout: node-postgres gives the connection back while the server still works on the
 * statement, and the next query would read the old one's answer. A server that stops answering altogether (frozen,
 * partitioned) is covered by the request deadline for the caller and by TCP keepalive for the connection.
 */
export function boundedPoolOptions(options: { connectionTimeoutMs?: number; statementTimeoutMs?: number }) {
  return {
    keepAlive: true,
    ...(options.connectionTimeoutMs ? { connectionTimeoutMillis: options.connectionTimeoutMs } : {}),
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
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
            ...(options.logger ? { logger: typeormLogger(options.logger) } : { logging: false }),
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
              ...boundedPoolOptions({
                connectionTimeoutMs: options.connectionTimeoutMs,
                statementTimeoutMs: options.readStatementTimeoutMs,
              }),
            },
            ...(options.logger ? { logger: typeormLogger(options.logger) } : { logging: false }),
          }),
        }),
      ],
    };
  }
}
