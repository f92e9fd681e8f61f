// The events the read models hold that a moment did not know (recorded after it, or after a report's log
// position), enterprise by enterprise, each with what it changed in the counts asked. Its cost grows with
// those events, never with the cohort: only the streams they belong to are read and folded.
import type { EventStore, Position, StoredEvent } from '@cl/event-store';
import { comparePositions } from '@cl/event-store';
import {
  contributionChange,
  effectiveDateOf,
  ENTERPRISE_STREAM_PREFIX,
  evolve,
  initialState,
  upcastRecorded,
  type ContributionQuery,
  type EnterpriseEvent,
  type EnterpriseState,
} from '../../../domain';

/** One late event and its change to each count asked (countKey → ±n; only non-zero entries). */
export interface LateChange {
  readonly stored: StoredEvent;
  readonly event: EnterpriseEvent;
  /** The enterprise after all its events up to the read models' position (its name now). */
  readonly enterprise: EnterpriseState;
  readonly change: Map<string, number>;
}

const isEnterprise = (e: StoredEvent) => e.streamId.startsWith(ENTERPRISE_STREAM_PREFIX);
const domainEvent = (e: StoredEvent) => upcastRecorded(e) as EnterpriseEvent;

/**
 * The streams of `late` events that can change a count on or before the last date asked: an event effective
 * later cannot (a grant, renewal, revocation, relocation or lapse changes nothing before its effective date);
 * one without an effective date (a retraction, a registration) can.
 */
function streamsConcerned(late: readonly StoredEvent[], q: ContributionQuery): string[] {
  const last = q.dates.reduce((a, b) => (a > b ? a : b), '');
  const ids = new Set<string>();
  for (const e of late) {
    if (!isEnterprise(e)) continue;
    const on = effectiveDateOf(domainEvent(e));
    if (on === null || on <= last) ids.add(e.streamId);
  }
  return [...ids];
}

/**
 * For each stream: the events up to `upTo` are folded; those from the first one `known` rejects on are late,
 * and each is paired with the change it made (state after it − state before it). The changes of one stream
 * sum to (everything up to `upTo`) − (the known prefix).
 */
export async function lateChanges(
  store: EventStore,
  late: readonly StoredEvent[],
  upTo: Position,
  known: (e: StoredEvent) => boolean,
  q: ContributionQuery,
): Promise<LateChange[]> {
  const streams = await store.readStreams(streamsConcerned(late, q));
  const out: LateChange[] = [];
  for (const events of streams.values()) {
    let state = initialState();
    let knownPrefix = true;
    const pending: { stored: StoredEvent; event: EnterpriseEvent; change: Map<string, number> }[] = [];
    for (const stored of events) {
      if (comparePositions(stored.position, upTo) > 0) break;
      const event = domainEvent(stored);
      const before = state;
      state = evolve(state, { eventId: stored.eventId, event });
      knownPrefix &&= known(stored);
      if (!knownPrefix) pending.push({ stored, event, change: contributionChange(before, state, q) });
    }
    for (const p of pending) out.push({ ...p, enterprise: state });
  }
  return out;
}

/** Every event after `from` (exclusive) up to `upTo`, in global order (the log after a report's position). */
export async function eventsAfterPosition(
  store: EventStore,
  from: Position | null,
  upTo: Position,
): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (let at = from; ;) {
    const page = await store.readAll(at, 5_000);
    for (const e of page) if (comparePositions(e.position, upTo) <= 0) out.push(e);
    const last = page.at(-1);
    if (!last || comparePositions(last.position, upTo) >= 0) return out;
    at = last.position;
  }
}

/**
 * Up to `limit` events recorded after `after` and at or before `upTo`: by the store's index on recording time
 * where it has one, else by reading the log up to `upTo` (EventStoreDB: the cost of the log, not of the late events).
 */
export async function eventsRecordedAfter(
  store: EventStore,
  after: Date,
  upTo: Position,
  limit: number,
): Promise<StoredEvent[]> {
  if (store.readRecordedAfter) return store.readRecordedAfter(after, upTo, limit);
  const all = await eventsAfterPosition(store, null, upTo);
  return all.filter((e) => e.recordedAt.getTime() > after.getTime()).slice(0, limit);
}
