export * from './unavailable';
export * from './request-deadline';
