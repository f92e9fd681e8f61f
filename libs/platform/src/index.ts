export * from './config';
export * from './logging';
export * from './database';
export * from './health';
export * from './graphql';
export * from './platform.module';
export * from './auth';
export * from './faults';
