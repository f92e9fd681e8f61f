import { type DynamicModule, Global, Module } from '@nestjs/common';
import { METRICS } from './metrics.token';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

/** Serves /metrics and makes the application's Metrics injectable (as Metrics, and as METRICS for recorders). */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(metrics: Metrics): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        { provide: Metrics, useValue: metrics },
        { provide: METRICS, useValue: metrics },
      ],
      exports: [Metrics, METRICS],
    };
  }
}
