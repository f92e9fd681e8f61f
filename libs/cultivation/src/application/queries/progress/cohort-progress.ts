import { TIERS, type CalendarDate, type TargetSpec, type Tier } from '../../../domain';
import { ALL_DISTRICTS, CountLookup } from '../../../read-models';
import type { CountReader } from '../as-known-at/counts-known-at';
import type { TargetProgress } from '../contract-types';
import { tierInfo } from '../tier-info';
import { monthsBefore, pace, RECENT_MONTHS } from './pace';

/**
 * One progress row per tier and group (TIERS order) on `asOf`, city-wide or for one district, with the
 * targets in force (readTargets, which the caller may have cached); `read` gives the counts (now, or as known at).
 */
export async function cohortProgress(
  read: CountReader,
  asOf: CalendarDate,
  district: string | null,
  targetsInForce: Promise<Map<Tier, TargetSpec>>,
): Promise<TargetProgress[]> {
  const earlier = monthsBefore(asOf, RECENT_MONTHS);
  const where = district ?? ALL_DISTRICTS;
  const [targets, cells] = await Promise.all([targetsInForce, read({ dates: [asOf, earlier], districts: [where] })]);
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
