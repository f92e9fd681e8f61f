import type { EventStore, StoredEvent } from '@cl/event-store';
import { upcastRecorded, type DecisionContext, type Decider, type RecordedEnvelope } from '../../domain';

/** A stored event as the domain folds it: upcast to the current schema, with its id and recording time. */
export function toEnvelope<E>(stored: StoredEvent): RecordedEnvelope<E> {
  const current = upcastRecorded(stored);
  return {
    eventId: stored.eventId,
    recordedAt: stored.recordedAt.toISOString(),
    event: { type: current.type, data: current.data } as E,
  };
}

/** Reads a stream and folds it: the state and the version of its last event (-1 when empty). */
export async function loadStream<S, E>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<S, unknown, E, DecisionContext>, 'initialState' | 'evolve'>,
): Promise<{ state: S; version: number; events: StoredEvent[] }> {
  const events = await store.readStream(streamId);
  return { state: foldStored(decider, events), version: events.at(-1)?.version ?? -1, events };
}

/** Folds a stream's stored events from the initial state: in place where the decider can (evolveOwned). */
export function foldStored<S, E>(
  decider: Pick<Decider<S, unknown, E, DecisionContext>, 'initialState' | 'evolve' | 'evolveOwned'>,
  events: readonly StoredEvent[],
): S {
  let state = decider.initialState();
  const step = decider.evolveOwned ?? decider.evolve;
  for (const stored of events) state = step(state, toEnvelope<E>(stored));
  return state;
}
