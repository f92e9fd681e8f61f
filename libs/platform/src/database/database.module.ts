import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import { runMigrationsLocked } from './run-migrations';

export interface DatabaseOptions {
  url: string;
  /** Every library's migrations; run at start, in timestamp order. */
  migrations: MixedList<Function>;
  poolSize?: number;
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
            logging: ['error'],
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
