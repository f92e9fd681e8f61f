// Dated facts for trends (per-period counts) and the ladder funnel (first time each tier was held).
import { addDays, maxDate, type CalendarDate } from '../shared/calendar-date';
import type { Tier } from '../policy/vocabulary';
import { grantEnding, liveRenewals, type Ending } from '../enterprise/grant';
import type { EnterpriseState } from '../enterprise/state';
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
  return out.sort((a, b) => a.on.localeCompare(b.on));
}

/** Per tier, the first date a live grant of it was held (ladder funnel). */
export function firstReached(state: EnterpriseState): Partial<Record<Tier, CalendarDate>> {
  const first: Partial<Record<Tier, CalendarDate>> = {};
  if (state.status === 'UNREGISTERED') return first;
  for (const g of state.grants) {
    const seen = first[g.tier];
    if (!g.retracted && (!seen || g.grantedOn < seen)) first[g.tier] = g.grantedOn;
  }
  return first;
}
