import { POLICY_VERSIONS, tierEntriesOn, type CalendarDate, type Ladder } from '../../../domain';
import { countReached, countReachedFrom, type PreviousRung, type Sql } from '../../../read-models';
import type { FunnelStep } from '../contract-types';
import { toTierInfo } from '../tier-info';

/**
 * Per policy version, the tiers and groups one rung below `rung` on the ladder: what "held the
 * previous rung" means for an enterprise that first reached a tier while that version was in force.
 */
function previousRungs(ladder: Ladder, rung: number): PreviousRung[] {
  return POLICY_VERSIONS.map((v, i) => ({
    from: i === 0 ? null : v.effectiveFrom,
    until: POLICY_VERSIONS[i + 1]?.effectiveFrom ?? null,
    tiers: tierEntriesOn(v.effectiveFrom)
      .filter((e) => e.ladder === ladder && e.rung === rung - 1)
      .map((e) => e.tier),
  }));
}

/**
 * Per rung of the ladder (policy of `today`; a group right after the certificate tiers of its rung):
 * enterprises that ever held it; of those, how many had first held the previous rung on or before the
 * day they first held this one (the previous rung as the policy in force that day had it: from
 * 2026-04-01 either member of 科技和创新型中小企业 for SRDI_SME), and the median gap to the earliest.
 */
export async function ladderFunnel(sql: Sql, ladder: Ladder, today: CalendarDate): Promise<FunnelStep[]> {
  const rungs = tierEntriesOn(today)
    .filter((p) => p.ladder === ladder)
    .sort((a, b) => a.rung - b.rung);
  const steps: FunnelStep[] = [];
  let previousReached = 0;
  for (const entry of rungs) {
    const reached = await countReached(sql, entry.tier);
    let fromPrevious: number | null = null;
    let median: number | null = null;
    if (entry.rung > 1) {
      ({ count: fromPrevious, medianDays: median } = await countReachedFrom(
        sql,
        entry.tier,
        previousRungs(ladder, entry.rung),
      ));
    }
    steps.push({
      tier: toTierInfo(entry),
      reached,
      fromPrevious,
      conversionRate: fromPrevious === null || previousReached === 0 ? null : fromPrevious / previousReached,
      medianDaysFromPrevious: median,
    });
    previousReached = reached;
  }
  return steps;
}
