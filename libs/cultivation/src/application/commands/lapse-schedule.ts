import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { APP_CONFIG, LOGGER, type AppConfig } from '@cl/platform';
import { LapseSweep, SYSTEM_ACTOR } from './lapse-sweep';

const SWEEP_LOCK = [7_340_101, 10] as const;

/** Runs the lapse sweep every day at 00:30 in Tianjin; LAPSE_SWEEP=false switches it off. */
@Injectable()
export class LapseSchedule {
  constructor(
    private readonly sweep: LapseSweep,
    private readonly database: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Cron('0 30 0 * * *', { name: 'lapse-sweep', timeZone: 'Asia/Shanghai' })
  async daily(): Promise<void> {
    if (!this.config.lapseSweep) return;
    // Several API instances share the schedule; a session advisory lock lets one of them run it.
    const runner = this.database.createQueryRunner();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [...SWEEP_LOCK]);
      if (!locked) return;
      try {
        const written = await this.sweep.run(null, SYSTEM_ACTOR, `lapse-sweep-${randomUUID()}`);
        this.logger.info({ written }, 'daily lapse sweep done');
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, $2)', [...SWEEP_LOCK]);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'daily lapse sweep failed; it runs again tomorrow, or use `npm run lapses`');
    } finally {
      await runner.release();
    }
  }
}
