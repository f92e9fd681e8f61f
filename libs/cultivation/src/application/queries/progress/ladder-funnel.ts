import type { DataSource } from 'typeorm';
import { tierPoliciesOn, type CalendarDate, type Ladder } from '../../../domain';
import { LIVE_SCHEMA, qualified } from '../../../read-models/schema';
import type { FunnelStep } from '../contract-types';
import { tierInfo } from '../tier-info';

/**
 * Per rung of the ladder (policy of `today`): enterprises that ever held it; of those, how many had
 * first held the previous rung on or before the day they first held this one, and the median gap.
 */
export async function ladderFunnel(
  sql: Pick<DataSource, 'query'>,
  ladder: Ladder,
  today: CalendarDate,
): Promise<FunnelStep[]> {
  const rungs = tierPoliciesOn(today)
    .filter((p) => p.ladder === ladder)
    .sort((a, b) => a.rung - b.rung);
  const firsts = qualified(LIVE_SCHEMA, 'enterprise_tier_first');
  const steps: FunnelStep[] = [];
  let previousReached = 0;
  for (const [i, policy] of rungs.entries()) {
    const [{ reached }] = await sql.query(`SELECT count(*)::int AS reached FROM ${firsts} WHERE tier = $1`, [
      policy.tier,
    ]);
    const previous = rungs[i - 1];
    let fromPrevious: number | null = null;
    let median: number | null = null;
    if (previous) {
      const [row] = await sql.query(
        `SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY c.first_on - p.first_on) AS median
         FROM ${firsts} c JOIN ${firsts} p ON p.credit_code = c.credit_code AND p.tier = $2 AND p.first_on <= c.first_on
         WHERE c.tier = $1`,
        [policy.tier, previous.tier],
      );
      fromPrevious = row.n;
      median = row.median === null ? null : Number(row.median);
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
