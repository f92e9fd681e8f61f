export * from './actor';
export * from './jwt-secret';
export * from './token-service';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
