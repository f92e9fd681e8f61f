// History arrives out of order: the same grants (with their renewals and revocations) recorded in any
// order give the same state and the same views, because everything is by effective date.
import * as fc from 'fast-check';
import type { Envelope } from '../events/envelope';
import type { EnterpriseEvent } from '../events/enterprise-events';
import type { CalendarDate } from '../shared/calendar-date';
import { historyArbitrary, plan, record, TODAY } from '../recording-order-fixtures';
import { countingSegments } from '../views/counting-segments';
import { enterpriseView } from '../views/enterprise-view';
import { firstReached, occurrences } from '../views/history';
import { positionsOf } from '../views/positions';
import { stateAsOf } from '../views/state-as-of';
import { decide } from './decide';
import { fold } from './evolve';

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
        historyArbitrary(fc).chain((entries) => {
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
