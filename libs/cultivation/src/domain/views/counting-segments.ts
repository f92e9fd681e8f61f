// The read side's contract: for any date D and key (metric, tier or group, level, district), the count
// on D is the number of enterprises with a segment covering D (from ≤ D < until). Segments of one
// enterprise never overlap for one key, so a plain COUNT over a range index is exact.
import type { CalendarDate } from '../shared/calendar-date';
import type { CertificationLevel, TargetMetric, Tier } from '../policy/vocabulary';
import { grantEnding } from '../enterprise/grant';
import { allTierGroups } from '../policy/policy';
import type { EnterpriseState, Grant, RegisteredEnterprise } from '../enterprise/state';
import { splitByLocation } from './locations';

export type SegmentLevel = 'ANY' | CertificationLevel;

export interface CountingSegment {
  readonly metric: TargetMetric;
  readonly tier: Tier;
  readonly level: SegmentLevel;
  readonly districtCode: string;
  readonly from: CalendarDate;
  /** Exclusive end; null = open (cumulative counts never end). */
  readonly until: CalendarDate | null;
}

const keyOf = (s: CountingSegment) => `${s.metric}|${s.tier}|${s.level}|${s.districtCode}`;

/** Joins touching or overlapping segments of one key (a re-grant the day after a lapse; a group's members). */
function merge(segments: CountingSegment[]): CountingSegment[] {
  const sorted = [...segments].sort((a, b) => keyOf(a).localeCompare(keyOf(b)) || a.from.localeCompare(b.from));
  const out: CountingSegment[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && keyOf(last) === keyOf(s) && (last.until === null || last.until >= s.from)) {
      const until = last.until === null || s.until === null ? null : last.until > s.until ? last.until : s.until;
      out[out.length - 1] = { ...last, until };
    } else out.push(s);
  }
  return out;
}

/**
 * A group's segments: its members' segments under the group's code, merged per key, so an enterprise
 * holding both members on a day counts once (ACTIVE), and CUMULATIVE starts at its first member grant.
 */
function groupSegments(memberSegments: readonly CountingSegment[]): CountingSegment[] {
  return allTierGroups().flatMap((group) =>
    merge(memberSegments.filter((s) => group.members.includes(s.tier)).map((s) => ({ ...s, tier: group.tier }))),
  );
}

/** ACTIVE: grantedOn through validUntil (after renewals), cut short by revocation/deregistration day. */
function activeSegments(state: RegisteredEnterprise, grant: Grant): CountingSegment[] {
  const until = grantEnding(grant).on;
  if (grant.retracted || grant.grantedOn >= until) return [];
  const levels: SegmentLevel[] = ['ANY', grant.level];
  return levels.flatMap((level) =>
    splitByLocation(state, grant.grantedOn, until).map((p) => ({
      metric: 'ACTIVE' as const,
      tier: grant.tier,
      level,
      ...p,
    })),
  );
}

/** CUMULATIVE: from the first live grant of the tier (and of the tier at each level), forever. */
function cumulativeSegments(state: RegisteredEnterprise): CountingSegment[] {
  const first = new Map<string, { tier: Tier; level: SegmentLevel; from: CalendarDate }>();
  for (const g of state.grants) {
    if (g.retracted) continue;
    for (const level of ['ANY', g.level] as SegmentLevel[]) {
      const k = `${g.tier}|${level}`;
      const seen = first.get(k);
      if (!seen || g.grantedOn < seen.from) first.set(k, { tier: g.tier, level, from: g.grantedOn });
    }
  }
  return [...first.values()].flatMap(({ tier, level, from }) =>
    splitByLocation(state, from, null).map((p) => ({ metric: 'CUMULATIVE' as const, tier, level, ...p })),
  );
}

/** Every counting segment of one enterprise, its tiers' and its groups' (empty before registration). */
export function countingSegments(state: EnterpriseState): CountingSegment[] {
  if (state.status === 'UNREGISTERED') return [];
  const tiers = merge([...state.grants.flatMap((g) => activeSegments(state, g)), ...cumulativeSegments(state)]);
  return [...tiers, ...groupSegments(tiers)];
}
