export * from './embedded-postgres';
export * from './embedded-supervisor';
export * from './free-port';
export * from './resolve-database';
export * from './database.module';
export * from './run-migrations';
export * from './typeorm-logger';
