// Dated facts for trends (per-period counts) and the ladder funnel (first time each tier was held).
import { addDays, maxDate, type CalendarDate } from '../shared/calendar-date';
import type { Tier } from '../policy/vocabulary';
import { grantEnding, liveRenewals, type Ending } from '../enterprise/grant';
import type { EnterpriseState, RegisteredEnterprise } from '../enterprise/state';
import { allTierGroups } from '../policy/policy';
import { districtOn } from './locations';

export interface Occurrence {
  readonly kind: 'GRANTED' | 'RENEWED' | 'ENDED';
  readonly tier: Tier;
  readonly districtCode: string;
  readonly on: CalendarDate;
  /** For ENDED: why it ended. */
  readonly endKind?: Ending['kind'];
}

/**
 * Grants, renewals and ends of live (non-retracted) grants. ENDED is the first day a grant no longer
 * counts, including validUntil + 1 of lapses still ahead: filter by `on` ≤ asOf. Its district is the
 * one of the last counting day, where the count drops.
 */
export function occurrences(state: EnterpriseState): Occurrence[] {
  if (state.status === 'UNREGISTERED') return [];
  const out: Occurrence[] = [];
  for (const g of state.grants) {
    if (g.retracted) continue;
    const at = (on: CalendarDate) => districtOn(state, on);
    out.push({ kind: 'GRANTED', tier: g.tier, districtCode: at(g.grantedOn), on: g.grantedOn });
    for (const r of liveRenewals(g))
      out.push({ kind: 'RENEWED', tier: g.tier, districtCode: at(r.renewedOn), on: r.renewedOn });
    const end = grantEnding(g);
    const lastDay = maxDate(g.grantedOn, addDays(end.on, -1));
    out.push({ kind: 'ENDED', tier: g.tier, districtCode: at(lastDay), on: end.on, endKind: end.kind });
  }
  out.push(...groupOccurrences(state));
  return out.sort((a, b) => a.on.localeCompare(b.on) || a.tier.localeCompare(b.tier) || a.kind.localeCompare(b.kind));
}

/**
 * A group is entered (GRANTED) when the enterprise starts holding any member after holding none, and
 * left (ENDED) when it stops holding all; a member's renewal is a RENEWED of the group.
 */
function groupOccurrences(state: RegisteredEnterprise): Occurrence[] {
  const out: Occurrence[] = [];
  for (const group of allTierGroups()) {
    const members = state.grants.filter((g) => !g.retracted && group.members.includes(g.tier));
    const spans = members
      .map((g) => ({ from: g.grantedOn, until: grantEnding(g).on }))
      .filter((s) => s.from < s.until)
      .sort((a, b) => a.from.localeCompare(b.from));
    const joined: { from: CalendarDate; until: CalendarDate }[] = [];
    for (const s of spans) {
      const last = joined.at(-1);
      if (last && last.until >= s.from) last.until = maxDate(last.until, s.until);
      else joined.push({ ...s });
    }
    // A member revoked on its own day never counted: it still shows as granted and ended, like a tier.
    for (const g of members.filter((m) => m.grantedOn >= grantEnding(m).on)) {
      if (!joined.some((j) => j.from <= g.grantedOn && g.grantedOn < j.until))
        joined.push({ from: g.grantedOn, until: g.grantedOn });
    }
    const tier = group.tier;
    for (const { from, until } of joined) {
      out.push({ kind: 'GRANTED', tier, districtCode: districtOn(state, from), on: from });
      const lastDay = maxDate(from, addDays(until, -1));
      out.push({ kind: 'ENDED', tier, districtCode: districtOn(state, lastDay), on: until });
    }
    for (const g of members)
      for (const r of liveRenewals(g))
        out.push({ kind: 'RENEWED', tier, districtCode: districtOn(state, r.renewedOn), on: r.renewedOn });
  }
  return out;
}

/** Per tier and group, the first date a live grant of it (of a member) was held (ladder funnel). */
export function firstReached(state: EnterpriseState): Partial<Record<Tier, CalendarDate>> {
  const first: Partial<Record<Tier, CalendarDate>> = {};
  if (state.status === 'UNREGISTERED') return first;
  for (const g of state.grants) {
    const seen = first[g.tier];
    if (!g.retracted && (!seen || g.grantedOn < seen)) first[g.tier] = g.grantedOn;
  }
  for (const group of allTierGroups()) {
    for (const member of group.members) {
      const on = first[member];
      const seen = first[group.tier];
      if (on && (!seen || on < seen)) first[group.tier] = on;
    }
  }
  return first;
}
