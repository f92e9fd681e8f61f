import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import { runMigrationsLocked } from './run-migrations';
import { typeormLogger } from './typeorm-logger';

export interface DatabaseOptions {
  url: string;
  /** Every library's migrations; run at start, in timestamp order. */
  migrations: MixedList<Function>;
  poolSize?: number;
  /** Where TypeORM's messages go (JSON lines); without it, failed queries are not logged by TypeORM. */
  logger?: Logger;
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
      ],
    };
  }
}
