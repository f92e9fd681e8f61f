import type { DataSource } from 'typeorm';
import { TIERS, type CalendarDate } from '../../../domain';
import { ALL_DISTRICTS } from '../../../read-models/schema';
import type { TargetProgress } from '../contract-types';
import { CountLookup, readCounts } from '../read-counts';
import { tierInfo } from '../tier-info';
import { monthsBefore, pace, RECENT_MONTHS } from './pace';
import { readTargets } from './targets';

/** One progress row per tier and group (TIERS order) on `asOf`, city-wide or for one district. */
export async function cohortProgress(
  sql: Pick<DataSource, 'query'>,
  asOf: CalendarDate,
  district: string | null,
): Promise<TargetProgress[]> {
  const earlier = monthsBefore(asOf, RECENT_MONTHS);
  const where = district ?? ALL_DISTRICTS;
  const [targets, cells] = await Promise.all([
    readTargets(sql),
    readCounts(sql, { dates: [asOf, earlier], districts: [where] }),
  ]);
  const counts = new CountLookup(cells);
  return TIERS.map((tier) => {
    const target = targets.get(tier);
    const metric = target?.metric ?? 'ACTIVE';
    const level = target?.level ?? null;
    const current = counts.get(asOf, where, metric, tier, level ?? 'ANY');
    return {
      tier: tierInfo(tier, asOf),
      level,
      metric,
      target: target?.target ?? null,
      deadline: target?.deadline ?? null,
      asOf,
      current,
      active: counts.get(asOf, where, 'ACTIVE', tier),
      cumulative: counts.get(asOf, where, 'CUMULATIVE', tier),
      ...pace({
        current,
        currentMonthsAgo: counts.get(earlier, where, metric, tier, level ?? 'ANY'),
        target: target?.target ?? null,
        asOf,
        deadline: target?.deadline ?? null,
      }),
    };
  });
}
