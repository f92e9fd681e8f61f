import { tierPoliciesOn, type CalendarDate, type Ladder } from '../../../domain';
import { countReached, countReachedFrom, type Sql } from '../../../read-models';
import type { FunnelStep } from '../contract-types';
import { tierInfo } from '../tier-info';

/**
 * Per rung of the ladder (policy of `today`): enterprises that ever held it; of those, how many had
 * first held the previous rung on or before the day they first held this one, and the median gap.
 */
export async function ladderFunnel(sql: Sql, ladder: Ladder, today: CalendarDate): Promise<FunnelStep[]> {
  const rungs = tierPoliciesOn(today)
    .filter((p) => p.ladder === ladder)
    .sort((a, b) => a.rung - b.rung);
  const steps: FunnelStep[] = [];
  let previousReached = 0;
  for (const [i, policy] of rungs.entries()) {
    const reached = await countReached(sql, policy.tier);
    const previous = rungs[i - 1];
    let fromPrevious: number | null = null;
    let median: number | null = null;
    if (previous) {
      ({ count: fromPrevious, medianDays: median } = await countReachedFrom(sql, policy.tier, previous.tier));
    }
    steps.push({
      tier: tierInfo(policy.tier, today),
      reached,
      fromPrevious,
      conversionRate: fromPrevious === null || previousReached === 0 ? null : fromPrevious / previousReached,
      medianDaysFromPrevious: median,
    });
    previousReached = reached;
  }
  return steps;
}
