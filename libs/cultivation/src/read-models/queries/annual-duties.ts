// Candidates for the yearly duties (overdueAnnualUpdates): enterprises holding a tier on its annual update's due
// day (active_interval), or granted a tier with a first filing falling due in the year (certification_grant),
// with their snapshots; the domain (overdueDuties) decides which duties are unmet.
import type { CalendarDate, Tier } from '../../domain';
import { LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';
import type { EnterpriseSnapshotRow } from './enterprise-summaries';

export interface DutyCandidatesQuery {
  /** Annual updates: holders of these tiers on that day. */
  annual: { on: CalendarDate; tiers: Tier[] }[];
  /** First filings: grants of these tiers dated in [from, until]. */
  firstFiling: { tiers: Tier[]; from: CalendarDate; until: CalendarDate };
  /** Enterprises located there now; null: the city. */
  district: string | null;
}

/** The candidates' snapshots, by credit code. */
export async function dutyCandidates(sql: Sql, q: DutyCandidatesQuery): Promise<EnterpriseSnapshotRow[]> {
  const rows: { credit_code: string; version: number; state: EnterpriseSnapshotRow['state'] }[] = await sql.query(
    `WITH due AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x("on" date, tiers text[]))
     SELECT s.credit_code, s.version, s.state FROM ${qualified(LIVE_SCHEMA, 'enterprise_summary')} s
     WHERE ($5::text IS NULL OR s.district_code = $5) AND s.credit_code IN (
       SELECT i.credit_code FROM ${qualified(LIVE_SCHEMA, 'active_interval')} i JOIN due
         ON i.tier = ANY (due.tiers) AND i.from_on <= due."on" AND i.until_on > due."on"
       WHERE i.level = 'ANY'
       UNION
       SELECT g.credit_code FROM ${qualified(LIVE_SCHEMA, 'certification_grant')} g
       WHERE g.tier = ANY ($2::text[]) AND g.granted_on BETWEEN $3 AND $4)
     ORDER BY s.credit_code`,
    [JSON.stringify(q.annual), q.firstFiling.tiers, q.firstFiling.from, q.firstFiling.until, q.district],
  );
  return rows.map((r) => ({ creditCode: r.credit_code, version: r.version, state: r.state }));
}
