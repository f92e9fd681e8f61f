export * from './scalars';
export * from './query-limits';
export * from './format-error';
export * from './graphql-options';
export * from './service-info.resolver';
export * from './coded-error.filter';
export * from './validation';
export * from './operation-plugin';
