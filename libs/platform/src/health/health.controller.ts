import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  type HealthIndicatorFunction,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { pendingMigrations } from '../database/run-migrations';
import { type ReadinessCondition, ReadinessChecks } from './readiness';

/** A condition that has not answered by then is not ready. */
const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * GET /health: 200 when the database answers, 503 otherwise (as always).
 * GET /health/live: 200 while the process serves HTTP at all (restart it when this fails).
 * GET /health/ready: 200 when the database answers, every migration is applied and every condition the
 * libraries added (ReadinessChecks) holds; 503 with the failing ones otherwise (send it no traffic).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly conditions: ReadinessChecks,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([this.ping]);
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      this.ping,
      () => this.migrations(),
      ...this.conditions.list().map((c) => () => this.condition(c)),
    ]);
  }

  private readonly ping: HealthIndicatorFunction = () => this.database.pingCheck('database', { timeout: 2000 });

  private async migrations() {
    const session = this.indicators.check('migrations');
    try {
      const pending = await withTimeout(pendingMigrations(this.dataSource), 'the migrations table');
      return pending.length === 0 ? session.up() : session.down({ pending });
    } catch (error) {
      return session.down({ message: messageOf(error) });
    }
  }

  private async condition(condition: ReadinessCondition) {
    const session = this.indicators.check(condition.name);
    try {
      const { ready, ...details } = await withTimeout(condition.check(), condition.name);
      return ready ? session.up(details) : session.down(details);
    } catch (error) {
      return session.down({ message: messageOf(error) });
    }
  }
}
