import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MixedList } from 'typeorm';

export interface DatabaseOptions {
  url: string;
  /** Every library's migrations; run at start, in timestamp order. */
  migrations: MixedList<Function>;
  poolSize?: number;
}

/** TypeORM over the service's PostgreSQL. Schema changes only by migration, never synchronize. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.url,
          migrations: options.migrations,
          migrationsRun: true,
          migrationsTransactionMode: 'each',
          synchronize: false,
          autoLoadEntities: true,
          extra: { max: options.poolSize ?? 20 },
          logging: ['error'],
        }),
      ],
    };
  }
}
