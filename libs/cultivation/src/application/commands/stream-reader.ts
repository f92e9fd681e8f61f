import type { EventStore, StoredEvent } from '@cl/event-store';
import { CURRENT_SCHEMA_VERSIONS, upcast, type RecordedEnvelope } from '../../domain';

/** A stored event as the domain folds it: upcast to the current schema, with its id and recording time. */
export function toEnvelope<E>(stored: StoredEvent): RecordedEnvelope<E> {
  const schemaVersion = Number(
    stored.metadata.schemaVersion ?? CURRENT_SCHEMA_VERSIONS[stored.type as keyof typeof CURRENT_SCHEMA_VERSIONS] ?? 1,
  );
  const current = upcast({ type: stored.type, schemaVersion, data: stored.data });
  return {
    eventId: stored.eventId,
    recordedAt: stored.recordedAt.toISOString(),
    event: { type: current.type, data: current.data } as E,
  };
}

/** A decider as the executor needs it. */
export interface Decider<S, E, C> {
  initialState(): S;
  evolve(state: S, envelope: { eventId: string; event: E }): S;
  decide(command: C, state: S, context: { today: import('../../domain').CalendarDate }): E[];
}

/** Reads a stream and folds it: the state and the version of its last event (-1 when empty). */
export async function loadStream<S, E, C>(
  store: EventStore,
  streamId: string,
  decider: Decider<S, E, C>,
): Promise<{ state: S; version: number; events: StoredEvent[] }> {
  const events = await store.readStream(streamId);
  let state = decider.initialState();
  for (const stored of events) state = decider.evolve(state, toEnvelope<E>(stored));
  return { state, version: events.at(-1)?.version ?? -1, events };
}
