// The lapse sweep's candidates: enterprises with a grant whose validity has run out (by effective
// dates, whatever order the events were recorded in) and whose end is not yet recorded.
import type { CalendarDate } from '../../domain';
import { LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';

/**
 * Credit codes of active enterprises holding a live grant whose validUntil (after renewals) is before
 * `asOf`, that ends by lapsing (no earlier revocation or deregistration), and whose snapshot records
 * no end for it yet (no CertificationLapsed, CertificationRevoked or deregistration written).
 */
export async function lapseCandidates(sql: Sql, asOf: CalendarDate): Promise<string[]> {
  const rows: { credit_code: string }[] = await sql.query(
    `SELECT DISTINCT g.credit_code
       FROM ${qualified(LIVE_SCHEMA, 'certification_grant')} g
       JOIN ${qualified(LIVE_SCHEMA, 'enterprise_summary')} e ON e.credit_code = g.credit_code
      WHERE g.valid_until < $1::date
        AND g.counts_until = g.valid_until + 1
        AND e.deregistered_on IS NULL
        AND jsonb_path_exists(e.state, '$.grants[*] ? (@.eventId == $id && @.end == null && @.retracted == false)',
                              jsonb_build_object('id', g.grant_event_id))
      ORDER BY 1`,
    [asOf],
  );
  return rows.map((r) => r.credit_code);
}
