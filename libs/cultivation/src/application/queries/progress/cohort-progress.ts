import {
  districtByCode,
  targetKey,
  tierPolicyOn,
  TIERS,
  type CalendarDate,
  type TargetSpec,
  type Tier,
} from '../../../domain';
import { ALL_DISTRICTS, CountLookup } from '../../../read-models';
import type { CountReader } from '../as-known-at/counts-known-at';
import type { TargetProgress } from '../contract-types';
import { tierInfo } from '../tier-info';
import { monthsBefore, pace, RECENT_MONTHS, yearlyDates } from './pace';

/** True where every registration of the tier ends on 31 December of its year (科技型中小企业). */
function renewsYearly(tier: Tier, on: CalendarDate): boolean {
  try {
    return tierPolicyOn(tier, on).maxValidity.kind === 'END_OF_START_YEAR';
  } catch {
    return false; // a group has no policy of its own
  }
}

/**
 * One progress row per tier and group (TIERS order) on `asOf`, city-wide or for one district, with the
 * targets in force (readTargets, which the caller may have cached). A district is measured only against its
 * own target: without one its row has its count and its share of the city's (same date, metric and level),
 * and no target, pace or on-track judgement. `read` gives the counts (now, or as known at).
 */
export async function cohortProgress(
  read: CountReader,
  asOf: CalendarDate,
  district: string | null,
  targetsInForce: Promise<Map<string, TargetSpec>>,
): Promise<TargetProgress[]> {
  const earlier = monthsBefore(asOf, RECENT_MONTHS);
  const where = district ?? ALL_DISTRICTS;
  const targets = await targetsInForce;
  const own = (tier: Tier) => targets.get(targetKey(tier, district));
  const yearly = (tier: Tier) => {
    const target = own(tier);
    return target && renewsYearly(tier, asOf) ? yearlyDates(asOf, target.deadline) : null;
  };
  const dates = [asOf, earlier, ...TIERS.flatMap((t) => Object.values(yearly(t) ?? {}).filter(isDate))];
  const cells = await read({ dates, districts: district ? [where, ALL_DISTRICTS] : [where] });
  const counts = new CountLookup(cells);
  const info = district ? districtByCode(district) : undefined;
  return TIERS.map((tier) => {
    const target = own(tier);
    // a district without its own target counts as the city's target does, so its share compares like with like
    const counting = target ?? targets.get(targetKey(tier, null));
    const metric = counting?.metric ?? 'ACTIVE';
    const level = counting?.level ?? null;
    const count = (on: CalendarDate, at = where) => counts.get(on, at, metric, tier, level ?? 'ANY');
    const current = count(asOf);
    const city = district ? count(asOf, ALL_DISTRICTS) : null;
    const cycle = yearly(tier);
    return {
      tier: tierInfo(tier, asOf),
      level,
      metric,
      target: target?.target ?? null,
      deadline: target?.deadline ?? null,
      asOf,
      current,
      district: info ? { code: info.code, name: info.name } : null,
      shareOfCity: city ? current / city : null,
      renewsYearly: renewsYearly(tier, asOf),
      active: counts.get(asOf, where, 'ACTIVE', tier),
      cumulative: counts.get(asOf, where, 'CUMULATIVE', tier),
      ...pace({
        current,
        currentMonthsAgo: count(earlier),
        target: target?.target ?? null,
        asOf,
        deadline: target?.deadline ?? null,
        yearly: cycle && {
          sameDayBefore: count(cycle.sameDayBefore),
          yearsToDeadline: cycle.yearsToDeadline,
          yearOverYear: current - count(cycle.yearAgo),
        },
      }),
    };
  });
}

const isDate = (value: unknown): value is CalendarDate => typeof value === 'string';
