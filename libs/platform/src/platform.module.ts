import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from './config';
import { ReadinessChecks } from './health/readiness';

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token of the pino Logger. */
export const LOGGER = Symbol('LOGGER');

/** Makes the configuration, the logger and the readiness conditions injectable everywhere. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: PlatformModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: LOGGER, useValue: logger }, ReadinessChecks],
      exports: [APP_CONFIG, LOGGER, ReadinessChecks],
    };
  }
}
