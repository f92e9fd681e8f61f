import { addDays, certificationsOf, daysLeft, type CalendarDate, type Tier } from '../../../domain';
import { listExpiringGrants, type ExpiringKey, type Sql } from '../../../read-models';
import type { Connection, ExpiringCertification } from '../contract-types';
import { decodeCursor, encodeCursor } from './cursor';
import { toCertification, toEnterprise } from './to-enterprise';

/**
 * Certifications counting today whose last valid day is within [today, today + withinDays], by
 * validUntil, credit code and tier (cursor = that key); district = the enterprise's current one.
 */
export async function expiringCertifications(
  sql: Sql,
  args: { withinDays: number; tier: Tier | null; district: string | null; first: number; after: string | null },
  today: CalendarDate,
): Promise<Connection<ExpiringCertification>> {
  const key = decodeCursor(args.after, 3) as ExpiringKey | null;
  const { rows, totalCount } = await listExpiringGrants(sql, {
    on: today,
    until: addDays(today, args.withinDays),
    tier: args.tier,
    district: args.district,
    after: key,
    limit: args.first + 1,
  });
  const edges = rows.slice(0, args.first).map((r) => {
    const view = certificationsOf(r.state, today).find((c) => c.eventId === r.grantEventId)!;
    const node = {
      enterprise: toEnterprise(r.state, r.version, today)!,
      certification: toCertification(view),
      daysLeft: daysLeft(view, today),
    };
    return { node, cursor: encodeCursor([r.validUntil, r.creditCode, r.tier]) };
  });
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
