export * from './request-scope';
export * from './json-errors';
export * from './rate-limit.plugin';
export * from './security';
export * from './json-body';
