// What evolve folds: the event plus the identity it was stored under. Retraction points at an
// eventId, so state must know which event created each grant and renewal.

/** An event with the id it was (or will be) stored under. */
export interface Envelope<E> {
  readonly eventId: string;
  readonly event: E;
}

/** An envelope read back from the store, with its server recording time (ISO 8601). */
export interface RecordedEnvelope<E> extends Envelope<E> {
  readonly recordedAt: string;
}

export type EventSource = 'GRAPHQL' | 'IMPORT' | 'SYSTEM';

export interface Actor {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly district?: string;
}

/**
 * Metadata stored with every event; the application layer fills it, never the domain. The recording time
 * is not in it: the store's own clock stamps each event (`recorded_at` in PostgreSQL, `created` in
 * EventStoreDB), read back as StoredEvent.recordedAt, and that is the one recording time (knownAt
 * filters on it, RecordedEvent.recordedAt shows it). Events written before this carry a
 * metadata.recordedAt from the application clock; nothing reads it.
 */
export interface EventMetadata {
  readonly eventId: string;
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly source: EventSource;
  readonly schemaVersion: number;
}
