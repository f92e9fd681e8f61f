import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { APP_CONFIG, LOGGER } from '../platform.module';
import { bearerCheck } from './bearer';
import { Metrics } from './metrics';

/** GET /metrics: the Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
@Controller('metrics')
export class MetricsController {
  private readonly authorized: (header: string | undefined) => boolean;

  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.authorized = bearerCheck(config.metricsToken);
  }

  @Get()
  async scrape(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    if (!this.authorized(req.headers.authorization)) {
      await res
        .code(401)
        .header('WWW-Authenticate', 'Bearer realm="metrics"')
        .send({ error: 'metrics need the bearer token' });
      return;
    }
    const text = await this.metrics.render((error) =>
      this.logger.warn({ err: error }, 'a metrics sampler failed; its gauges are left out of this scrape'),
    );
    await res.code(200).header('Content-Type', this.metrics.contentType).send(text);
  }
}
