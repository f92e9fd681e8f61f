import type { DataSource } from 'typeorm';
import {
  addDays,
  certificationsOf,
  daysLeft,
  type CalendarDate,
  type EnterpriseState,
  type Tier,
} from '../../../domain';
import { LIVE_SCHEMA, qualified } from '../../../read-models/schema';
import type { Connection, ExpiringCertification } from '../contract-types';
import { decodeCursor, encodeCursor } from './cursor';
import { toCertification, toEnterprise } from './to-enterprise';

interface Row {
  grant_event_id: string;
  credit_code: string;
  tier: string;
  valid_until: string;
  version: number;
  state: EnterpriseState;
}

/**
 * Certifications counting today whose last valid day is within [today, today + withinDays], by
 * validUntil, credit code and tier (cursor = that key); district = the enterprise's current one.
 */
export async function expiringCertifications(
  sql: Pick<DataSource, 'query'>,
  args: { withinDays: number; tier: Tier | null; district: string | null; first: number; after: string | null },
  today: CalendarDate,
): Promise<Connection<ExpiringCertification>> {
  const key = decodeCursor(args.after, 3);
  const where = `g.granted_on <= $1::date AND g.counts_until > $1::date AND g.valid_until <= $2::date
    AND ($3::text IS NULL OR g.tier = $3) AND ($4::text IS NULL OR s.district_code = $4)`;
  const from = `${qualified(LIVE_SCHEMA, 'certification_grant')} g JOIN ${qualified(LIVE_SCHEMA, 'enterprise_summary')} s USING (credit_code)`;
  const params = [today, addDays(today, args.withinDays), args.tier, args.district];
  const [rows, totals]: [Row[], { total: number }[]] = await Promise.all([
    sql.query(
      `SELECT g.grant_event_id, g.credit_code, g.tier, g.valid_until::text AS valid_until, s.version, s.state FROM ${from}
       WHERE ${where} AND ($5::date IS NULL OR (g.valid_until, g.credit_code, g.tier) > ($5::date, $6::text, $7::text))
       ORDER BY g.valid_until, g.credit_code, g.tier LIMIT $8`,
      [...params, key?.[0] ?? null, key?.[1] ?? null, key?.[2] ?? null, args.first + 1],
    ),
    sql.query(`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`, params),
  ]);
  const edges = rows.slice(0, args.first).map((r) => {
    const view = certificationsOf(r.state, today).find((c) => c.eventId === r.grant_event_id)!;
    const node = {
      enterprise: toEnterprise(r.state, r.version, today)!,
      certification: toCertification(view),
      daysLeft: daysLeft(view, today),
    };
    return { node, cursor: encodeCursor([r.valid_until, r.credit_code, r.tier]) };
  });
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: totals[0]?.total ?? 0,
  };
}
