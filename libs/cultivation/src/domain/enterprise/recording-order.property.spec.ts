// History arrives out of order: the same grants (with their renewals and revocations) recorded in any
// order give the same state and the same views, because everything is by effective date.
import * as fc from 'fast-check';
import type { Envelope } from '../events/envelope';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { addDays, type CalendarDate } from '../shared/calendar-date';
import { registered, relocated, BINHAI, HEPING } from '../spec-fixtures';
import { countingSegments } from '../views/counting-segments';
import { enterpriseView } from '../views/enterprise-view';
import { firstReached, occurrences } from '../views/history';
import { positionsOf } from '../views/positions';
import { stateAsOf } from '../views/state-as-of';
import { decide } from './decide';
import { fold } from './evolve';
import type { EnterpriseCommand } from './commands';

const TODAY = '2026-11-30' as CalendarDate;
const TIERS_USED = ['TECH_SME', 'HIGH_TECH', 'INNOVATIVE_SME'] as const;

/** A set of grants per tier, each dated after the previous one's validity (as granted and renewed). */
type Entry = { tier: (typeof TIERS_USED)[number]; gap: number; renewAfter?: number; revokeAfter?: number };
const history: fc.Arbitrary<Entry[]> = fc.array(
  fc.record({
    tier: fc.constantFrom(...TIERS_USED),
    gap: fc.integer({ min: 0, max: 400 }),
    renewAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    revokeAfter: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 12 },
);

type Item = { grant: EnterpriseCommand; followUps: EnterpriseCommand[] };

/** Valid commands built in effective-date order; each grant starts after the tier's last one ended. */
function plan(entries: Entry[]): Item[] {
  const next: Record<string, CalendarDate> = {};
  const items: Item[] = [];
  for (const e of entries) {
    const from = addDays(next[e.tier] ?? ('2016-01-01' as CalendarDate), e.gap);
    if (from > '2026-06-01' || from.endsWith('-12-31')) continue;
    // Default validity: TECH_SME to 31 Dec, the others 3 years; a renewal adds 3 years (1 for TECH_SME).
    const years = e.tier === 'TECH_SME' ? 0 : 3;
    const validUntil = years === 0 ? (`${from.slice(0, 4)}-12-31` as CalendarDate) : addDays(from, 365 * years - 5);
    let end = validUntil;
    const followUps: EnterpriseCommand[] = [];
    if (e.renewAfter !== undefined && e.tier !== 'TECH_SME') {
      const on = addDays(from, Math.min(e.renewAfter, 900));
      if (on <= end && on <= TODAY) {
        followUps.push({
          type: 'RenewCertification',
          data: { tier: e.tier, renewedOn: on, validUntil: addDays(end, 300) },
        });
        end = addDays(end, 300);
      }
    }
    if (e.revokeAfter !== undefined) {
      const on = addDays(from, e.revokeAfter);
      const last = followUps.length ? (followUps[0]!.data as { renewedOn: CalendarDate }).renewedOn : from;
      // The next grant still starts after the validity as granted and renewed: recorded before the
      // revocation, it must not overlap (the decider cannot know a revocation yet to be recorded).
      if (on <= end && on > last && on <= TODAY) {
        followUps.push({ type: 'RevokeCertification', data: { tier: e.tier, revokedOn: on, reason: 'FAILED_REVIEW' } });
      }
    }
    items.push({
      grant: { type: 'GrantCertification', data: { tier: e.tier, grantedOn: from, validUntil } },
      followUps,
    });
    next[e.tier] = addDays(end, 1);
  }
  return items;
}

/** Records the items in the given order (each follow-up right after its grant), deciding every command. */
function record(items: Item[], order: number[]): Envelope<EnterpriseEvent>[] {
  const log: Envelope<EnterpriseEvent>[] = [
    { eventId: 'reg', event: registered() },
    { eventId: 'moved', event: relocated(HEPING, BINHAI, '2021-07-01') },
  ];
  for (const i of order) {
    const item = items[i]!;
    for (const [k, command] of [item.grant, ...item.followUps].entries()) {
      const events = decide(command, fold(log), { today: TODAY });
      events.forEach((event, j) => log.push({ eventId: `i${i}-${k}-${j}`, event }));
    }
  }
  return log;
}

function views(log: Envelope<EnterpriseEvent>[]) {
  const state = fold(log);
  const recorded = log.map((e) => ({ ...e, recordedAt: '2026-11-30T00:00:00Z' }));
  const sweep = decide({ type: 'RecordLapses', data: {} }, state, { today: TODAY });
  return {
    state,
    view: enterpriseView(state, TODAY),
    segments: countingSegments(state),
    occurrences: occurrences(state),
    firsts: firstReached(state),
    positions: ['2019-06-30', '2022-01-01', '2025-06-30'].map((on) => positionsOf(state, on as CalendarDate)),
    asOf: ['2018-12-31', '2023-06-30'].map((on) =>
      enterpriseView(stateAsOf(recorded, on as CalendarDate, '2026-12-01T00:00:00Z'), on as CalendarDate),
    ),
    sweep,
  };
}

describe('recording order', () => {
  it('any permutation of a set of non-overlapping grants gives the same state and views', () => {
    fc.assert(
      fc.property(
        history.chain((entries) => {
          const items = plan(entries);
          const indexes = items.map((_, i) => i);
          return fc.tuple(fc.constant(items), fc.shuffledSubarray(indexes, { minLength: indexes.length }));
        }),
        ([items, order]) => {
          const inOrder = views(
            record(
              items,
              items.map((_, i) => i),
            ),
          );
          const shuffled = views(record(items, order));
          expect(shuffled).toEqual(inOrder);
        },
      ),
      { numRuns: 200 },
    );
  });
});
