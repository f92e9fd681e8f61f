// A ladder position is the highest rung held (counting) on a date.
import type { CalendarDate } from '../shared/calendar-date';
import { LADDERS, type Ladder, type Tier } from '../policy/vocabulary';
import { tierEntryOn } from '../policy/policy';
import { countsOn } from '../enterprise/grant';
import type { EnterpriseState } from '../enterprise/state';

export interface LadderPosition {
  readonly ladder: Ladder;
  readonly tier: Tier | null;
  /** 0 when no tier of the ladder is held. */
  readonly rung: number;
}

/** Highest rung held per ladder on the date, by the policy in force that day. */
export function positionsOf(state: EnterpriseState, date: CalendarDate): LadderPosition[] {
  const held = state.status === 'UNREGISTERED' ? [] : state.grants.filter((g) => countsOn(g, date));
  return LADDERS.map((ladder) => {
    let best: LadderPosition = { ladder, tier: null, rung: 0 };
    for (const g of held) {
      const policy = tierEntryOn(g.tier, date);
      if (policy.ladder === ladder && policy.rung > best.rung) best = { ladder, tier: g.tier, rung: policy.rung };
    }
    return best;
  });
}
