import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@cl/platform';
import { parseCalendarDate, type CalendarDate } from '../../domain';
import { LIVE_SCHEMA } from '../../read-models/schema';
import { Clock } from '../clock';
import { ExecuteEnterpriseCommand, ExecuteEnterpriseCommandHandler } from './enterprise-command';

/** The system itself, when the daily schedule runs the sweep. */
export const SYSTEM_ACTOR: Actor = { sub: 'system:lapse-sweep', roles: ['MUNICIPAL_OFFICIAL'] };

/**
 * Writes CertificationLapsed for every grant whose validUntil is before `asOf`. The read model only
 * narrows the search to enterprises that may have one; the decider decides on each stream's own
 * state, so a lagging read model can delay a lapse but never write a wrong or duplicate one.
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
    for (const creditCode of await this.candidates(date)) {
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

  private async candidates(asOf: CalendarDate): Promise<string[]> {
    const rows: { credit_code: string }[] = await this.database.query(
      `SELECT DISTINCT g.credit_code
         FROM ${LIVE_SCHEMA}.certification_grant g
         JOIN ${LIVE_SCHEMA}.enterprise_summary e ON e.credit_code = g.credit_code
        WHERE g.valid_until < $1::date
          AND g.counts_until = g.valid_until + 1
          AND e.deregistered_on IS NULL
          AND jsonb_path_exists(e.state, '$.grants[*] ? (@.end == null && @.retracted == false)')
        ORDER BY 1`,
      [asOf],
    );
    return rows.map((r) => r.credit_code);
  }
}
