// The events the read models hold that a moment did not know (recorded after it, or after a report's log
// position), enterprise by enterprise. Its cost grows with those events, never with the cohort: only the
// streams they belong to are read and folded.
import type { EventStore, Position, StoredEvent } from '@cl/event-store';
import { comparePositions } from '@cl/event-store';
import {
  contributionChange,
  effectiveDateOf,
  ENTERPRISE_STREAM_PREFIX,
  evolve,
  initialState,
  upcastRecorded,
  type CalendarDate,
  type ContributionQuery,
  type EnterpriseEvent,
  type EnterpriseState,
} from '../../../domain';

/** One late event with the states before and after it. */
export interface LateEvent {
  readonly stored: StoredEvent;
  readonly event: EnterpriseEvent;
  readonly before: EnterpriseState;
  readonly after: EnterpriseState;
}

/** One enterprise's stream: as the moment knew it (`then`), as the read models hold it (`now`), and what came between. */
export interface LateStream {
  readonly then: EnterpriseState;
  readonly now: EnterpriseState;
  readonly late: readonly LateEvent[];
}

/** One late event and its change to each count asked (countKey → ±n; only non-zero entries). */
export interface LateChange extends LateEvent {
  /** The enterprise now (its name). */
  readonly enterprise: EnterpriseState;
  readonly change: Map<string, number>;
}

const isEnterprise = (e: StoredEvent) => e.streamId.startsWith(ENTERPRISE_STREAM_PREFIX);
const domainEvent = (e: StoredEvent) => upcastRecorded(e) as EnterpriseEvent;

/**
 * An event effective after `last` cannot change a count on or before it (a grant, renewal, revocation, relocation
 * or lapse changes nothing before its effective date); one without an effective date (a retraction) can.
 */
const mayChangeUpTo = (effective: CalendarDate | null, last: CalendarDate | null) =>
  last === null || effective === null || effective <= last;

/**
 * For each enterprise stream with `late` events that may change a count on or before `lastDate` (null: any): the
 * events up to `upTo` folded; those from the first one `known` rejects on are late, each with its before and after.
 */
export async function lateStreams(
  store: EventStore,
  late: readonly StoredEvent[],
  upTo: Position,
  known: (e: StoredEvent) => boolean,
  lastDate: CalendarDate | null = null,
): Promise<LateStream[]> {
  const ids = new Set<string>();
  for (const e of late)
    if (isEnterprise(e) && mayChangeUpTo(effectiveDateOf(domainEvent(e)), lastDate)) ids.add(e.streamId);
  const streams = await store.readStreams([...ids]);
  const out: LateStream[] = [];
  for (const events of streams.values()) {
    let state = initialState();
    let then = state;
    let knownPrefix = true;
    const lateEvents: LateEvent[] = [];
    for (const stored of events) {
      if (comparePositions(stored.position, upTo) > 0) break;
      const event = domainEvent(stored);
      const before = state;
      state = evolve(state, { eventId: stored.eventId, event });
      knownPrefix &&= known(stored);
      if (knownPrefix) then = state;
      else lateEvents.push({ stored, event, before, after: state });
    }
    out.push({ then, now: state, late: lateEvents });
  }
  return out;
}

/** Each late event with what it changed in the counts asked (the restatement's explanations). */
export async function lateChanges(
  store: EventStore,
  late: readonly StoredEvent[],
  upTo: Position,
  known: (e: StoredEvent) => boolean,
  q: ContributionQuery,
): Promise<LateChange[]> {
  const last = q.dates.reduce((a, b) => (a > b ? a : b));
  return (await lateStreams(store, late, upTo, known, last)).flatMap((s) =>
    s.late.map((l) => ({ ...l, enterprise: s.now, change: contributionChange(l.before, l.after, q) })),
  );
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
