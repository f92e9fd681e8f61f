// Bitemporal replay for auditors: what the system knew at `knownAt` about the enterprise as of `on`.
import type { CalendarDate } from '../shared/calendar-date';
import type { RecordedEnvelope } from '../events/envelope';
import { effectiveDateOf, type EnterpriseEvent } from '../events/enterprise-events';
import { fold } from '../enterprise/evolve';
import type { EnterpriseState } from '../enterprise/state';

/**
 * Folds the events recorded by `knownAt` (ISO instant) whose effective date is on or before `on`.
 * Registration and retraction carry no effective date: a retraction erases its target at every date.
 */
export function stateAsOf(
  envelopes: Iterable<RecordedEnvelope<EnterpriseEvent>>,
  on: CalendarDate,
  knownAt: string,
): EnterpriseState {
  const known = Date.parse(knownAt);
  if (Number.isNaN(known)) throw new RangeError(`knownAt is not an ISO instant: ${knownAt}`);
  const kept: RecordedEnvelope<EnterpriseEvent>[] = [];
  for (const e of envelopes) {
    if (Date.parse(e.recordedAt) > known) continue;
    const effective = effectiveDateOf(e.event);
    if (effective === null || effective <= on) kept.push(e);
  }
  return fold(kept);
}
