import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { APP_CONFIG, LOGGER } from '../platform.module';
import { Metrics } from './metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** GET /metrics: the Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
@Controller('metrics')
export class MetricsController {
  private readonly expected: Buffer | undefined;

  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.expected = config.metricsToken ? digest(config.metricsToken) : undefined;
  }

  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (this.expected && !this.authorized(req.headers.authorization)) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer realm="metrics"')
        .json({ error: 'metrics need the bearer token' });
      return;
    }
    const text = await this.metrics.render((error) =>
      this.logger.warn({ err: error }, 'a metrics sampler failed; its gauges are left out of this scrape'),
    );
    res.status(200).set('Content-Type', this.metrics.contentType).send(text);
  }

  private authorized(header: string | undefined): boolean {
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    return !!match?.[1] && !!this.expected && timingSafeEqual(digest(match[1]), this.expected);
  }
}
