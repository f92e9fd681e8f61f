import {
  addMonths,
  annualUpdateDeadlines,
  daysBetween,
  longestFirstFilingMonths,
  overdueDuties,
  POLICY_VERSIONS,
  type CalendarDate,
  type Tier,
} from '../../../domain';
import { dutyCandidates, type Sql } from '../../../read-models';
import type { Connection, Enterprise } from '../contract-types';
import { InvalidQueryInput } from '../query-input';
import { tierInfo } from '../tier-info';
import { decodeCursor, encodeCursor } from './cursor';
import { toEnterprise } from './to-enterprise';

export interface AnnualUpdateDue {
  enterprise: Enterprise;
  year: number;
  dueOn: string;
  daysOverdue: number;
  tiers: ReturnType<typeof tierInfo>[];
}

/** The tiers any version gives a first-filing duty. */
const FIRST_FILING_TIERS: Tier[] = [
  ...new Set(
    POLICY_VERSIONS.flatMap((v) =>
      Object.values(v.tiers)
        .filter((p) => p?.yearlyDuties?.firstFilingMonths)
        .map((p) => p!.tier),
    ),
  ),
];

/**
 * Duties falling due in `year` and unmet on `asOf` (DOMAIN.md, Yearly duties), one node per enterprise and duty, by
 * credit code and due day; district = where the enterprise is located now. The candidates come from the read
 * models (holders on the due day, grants whose first filing falls in the year); the domain decides each.
 */
export async function overdueAnnualUpdates(
  sql: Sql,
  args: { year: number; asOf: CalendarDate; district: string | null; first: number; after: string | null },
  today: CalendarDate,
): Promise<Connection<AnnualUpdateDue>> {
  const { year, asOf } = args;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new InvalidQueryInput('YEAR_OUT_OF_RANGE', 'year', 'year must be a whole year from 2000 to 2100');
  }
  const after = decodeCursor(args.after, 3);
  const candidates = await dutyCandidates(sql, {
    annual: [...annualUpdateDeadlines(year)].map(([on, tiers]) => ({ on, tiers })),
    firstFiling: {
      tiers: FIRST_FILING_TIERS,
      from: addMonths(`${year}-01-01` as CalendarDate, -longestFirstFilingMonths() - 1),
      until: `${year}-12-31` as CalendarDate,
    },
    district: args.district,
  });
  const all = candidates.flatMap((c) =>
    overdueDuties(c.state, year, asOf).map((d) => ({
      key: [c.creditCode, d.dueOn, d.kind] as string[],
      node: {
        enterprise: toEnterprise(c.state, c.version, today)!,
        year,
        dueOn: d.dueOn,
        daysOverdue: daysBetween(d.dueOn, asOf),
        tiers: d.tiers.map((t) => tierInfo(t, d.dueOn)),
      },
    })),
  );
  all.sort((a, b) => a.key.join('|').localeCompare(b.key.join('|')));
  const start = after ? all.findIndex((e) => e.key.join('|') > after.join('|')) : 0;
  const page = (start < 0 ? [] : all.slice(start)).slice(0, args.first);
  const edges = page.map((e) => ({ node: e.node, cursor: encodeCursor(e.key) }));
  return {
    edges,
    pageInfo: { hasNextPage: start >= 0 && start + args.first < all.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: all.length,
  };
}
