// Reads of certification_grant joined to the enterprise's snapshot, for expiringCertifications.
import type { CalendarDate, EnterpriseState, Tier } from '../../domain';
import { LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';
import type { EnterpriseSnapshotRow } from './enterprise-summaries';

/** A grant that counts on `on` and ends within the window, with its enterprise's snapshot. */
export interface ExpiringGrantRow extends EnterpriseSnapshotRow {
  grantEventId: string;
  tier: Tier;
  validUntil: CalendarDate;
}

/** The sort key of the list: (validUntil, credit code, tier). */
export type ExpiringKey = readonly [validUntil: string, creditCode: string, tier: string];

/**
 * Grants counting on `on` whose last valid day is at most `until`, by (validUntil, credit code, tier)
 * after `after`, at most `limit`, and how many match in all; district = the enterprise's current one.
 */
export async function listExpiringGrants(
  sql: Sql,
  args: {
    on: CalendarDate;
    until: CalendarDate;
    tier: Tier | null;
    district: string | null;
    after: ExpiringKey | null;
    limit: number;
  },
): Promise<{ rows: ExpiringGrantRow[]; totalCount: number }> {
  const where = `g.granted_on <= $1::date AND g.counts_until > $1::date AND g.valid_until <= $2::date
    AND ($3::text IS NULL OR g.tier = $3) AND ($4::text IS NULL OR s.district_code = $4)`;
  const from = `${qualified(LIVE_SCHEMA, 'certification_grant')} g JOIN ${qualified(LIVE_SCHEMA, 'enterprise_summary')} s USING (credit_code)`;
  const params = [args.on, args.until, args.tier, args.district];
  const [rows, totals]: [
    {
      grant_event_id: string;
      credit_code: string;
      tier: Tier;
      valid_until: CalendarDate;
      version: number;
      state: EnterpriseState;
    }[],
    { total: number }[],
  ] = await Promise.all([
    sql.query(
      `SELECT g.grant_event_id, g.credit_code, g.tier, g.valid_until::text AS valid_until, s.version, s.state FROM ${from}
       WHERE ${where} AND ($5::date IS NULL OR (g.valid_until, g.credit_code, g.tier) > ($5::date, $6::text, $7::text))
       ORDER BY g.valid_until, g.credit_code, g.tier LIMIT $8`,
      [...params, args.after?.[0] ?? null, args.after?.[1] ?? null, args.after?.[2] ?? null, args.limit],
    ),
    sql.query(`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`, params),
  ]);
  return {
    rows: rows.map((r) => ({
      grantEventId: r.grant_event_id,
      creditCode: r.credit_code,
      tier: r.tier,
      validUntil: r.valid_until,
      version: r.version,
      state: r.state,
    })),
    totalCount: totals[0]?.total ?? 0,
  };
}
