export * from './command-context';
export * from './command-executor';
export * from './enterprise-command';
export * from './set-target.command';
export * from './stream-reader';
export * from './enterprise-authorization';
export * from './lapse-sweep';
export * from './lapse-schedule';
