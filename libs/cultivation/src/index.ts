export * from './domain';
export * from './application/clock';
export * from './application/tokens';
export * from './application/commands';
export * from './cultivation.module';
