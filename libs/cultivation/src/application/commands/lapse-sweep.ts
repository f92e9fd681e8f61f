import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@cl/platform';
import { parseCalendarDate, type CalendarDate } from '../../domain';
import { lapseCandidates } from '../../read-models';
import { Clock } from '../clock';
import { ExecuteEnterpriseCommand, ExecuteEnterpriseCommandHandler } from './enterprise-command';

/** The system itself, when the daily schedule runs the sweep. */
export const SYSTEM_ACTOR: Actor = { sub: 'system:lapse-sweep', roles: ['MUNICIPAL_OFFICIAL'] };

/**
 * Writes CertificationLapsed for every grant whose validUntil is before `asOf`. The read model only
 * narrows the search to enterprises holding such a grant with no end recorded (see lapseCandidates);
 * the decider decides on each stream's own state, so a lagging read model can delay a lapse but never
 * write a wrong or duplicate one.
 */
@Injectable()
export class LapseSweep {
  constructor(
    private readonly handler: ExecuteEnterpriseCommandHandler,
    private readonly database: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Runs the sweep; returns how many CertificationLapsed events it wrote. */
  async run(asOf: string | null | undefined, actor: Actor, correlationId: string): Promise<number> {
    const date: CalendarDate = asOf ? parseCalendarDate(asOf, 'asOf') : this.clock.today();
    let written = 0;
    for (const creditCode of await lapseCandidates(this.database, date)) {
      const outcome = await this.handler.execute(
        new ExecuteEnterpriseCommand(
          creditCode,
          { type: 'RecordLapses', data: { asOf: date } },
          { actor, source: 'SYSTEM', correlationId },
        ),
      );
      written += outcome.events.filter((e) => e.type === 'CertificationLapsed').length;
    }
    return written;
  }
}
