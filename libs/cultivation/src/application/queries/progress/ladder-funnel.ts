import type { DataSource } from 'typeorm';
import { POLICY_VERSIONS, tierEntriesOn, type CalendarDate, type Ladder, type Tier } from '../../../domain';
import { LIVE_SCHEMA, qualified } from '../../../read-models/schema';
import type { FunnelStep } from '../contract-types';
import { toTierInfo } from '../tier-info';

/**
 * Per policy version, the tiers and groups one rung below `tier` on the ladder: what "held the
 * previous rung" means for an enterprise that first reached `tier` while that version was in force.
 */
function previousRungs(
  ladder: Ladder,
  rung: number,
): { from_on: string | null; until_on: string | null; tiers: Tier[] }[] {
  return POLICY_VERSIONS.map((v, i) => ({
    from_on: i === 0 ? null : v.effectiveFrom,
    until_on: POLICY_VERSIONS[i + 1]?.effectiveFrom ?? null,
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
export async function ladderFunnel(
  sql: Pick<DataSource, 'query'>,
  ladder: Ladder,
  today: CalendarDate,
): Promise<FunnelStep[]> {
  const rungs = tierEntriesOn(today)
    .filter((p) => p.ladder === ladder)
    .sort((a, b) => a.rung - b.rung);
  const firsts = qualified(LIVE_SCHEMA, 'enterprise_tier_first');
  const steps: FunnelStep[] = [];
  let previousReached = 0;
  for (const entry of rungs) {
    const [{ reached }] = await sql.query(`SELECT count(*)::int AS reached FROM ${firsts} WHERE tier = $1`, [
      entry.tier,
    ]);
    let fromPrevious: number | null = null;
    let median: number | null = null;
    if (entry.rung > 1) {
      const [row] = await sql.query(
        `WITH v AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(from_on date, until_on date, tiers text[]))
         SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS median FROM (
           SELECT c.first_on - min(p.first_on) AS gap
           FROM ${firsts} c
           JOIN v ON (v.from_on IS NULL OR c.first_on >= v.from_on) AND (v.until_on IS NULL OR c.first_on < v.until_on)
           JOIN ${firsts} p ON p.credit_code = c.credit_code AND p.tier = ANY (v.tiers) AND p.first_on <= c.first_on
           WHERE c.tier = $1 GROUP BY c.credit_code, c.first_on) x`,
        [entry.tier, JSON.stringify(previousRungs(ladder, entry.rung))],
      );
      fromPrevious = row.n;
      median = row.median === null ? null : Number(row.median);
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
