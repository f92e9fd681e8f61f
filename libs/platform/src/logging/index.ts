export * from './logger';
export * from './request-logging';
