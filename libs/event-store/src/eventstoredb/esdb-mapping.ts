// Translations between @eventstore/db-client and the port.
import {
  ANY,
  NO_STREAM,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type ResolvedEvent,
  type WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { ExpectedVersion, StoredEvent } from '../event-store';
import { WrongExpectedVersion } from '../errors';
import { fromEsdbPosition } from './esdb-position';

/** NO_STREAM → NO_STREAM, ANY → ANY, n → BigInt(n). */
export function toRevision(expected: ExpectedVersion): AppendExpectedRevision {
  if (expected === 'NO_STREAM') return NO_STREAM;
  if (expected === 'ANY') return ANY;
  return BigInt(expected);
}

/** The client's clash as the port's WrongExpectedVersion (actual null when the stream does not exist). */
export function toWrongExpectedVersion(
  error: WrongExpectedVersionError,
  expected: ExpectedVersion,
): WrongExpectedVersion {
  const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : null;
  return new WrongExpectedVersion(error.streamName, expected, actual);
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Metadata key under which a copied event (copy-log) keeps the time it was first recorded: EventStoreDB sets an
 * event's `created` itself, and the ledger's "as known at" answers need the original. Read back as `recordedAt` and
 * left out of the metadata the port returns.
 */
export const RECORDED_AT_KEY = '$recordedAt';

/** The port's metadata and recording time of an event with EventStoreDB's metadata and `created`. */
export function recordedTime(
  metadata: Record<string, unknown>,
  created: Date,
): { metadata: Record<string, unknown>; recordedAt: Date } {
  const original = metadata[RECORDED_AT_KEY];
  if (typeof original !== 'string') return { metadata, recordedAt: created };
  const { [RECORDED_AT_KEY]: _kept, ...rest } = metadata;
  return { metadata: rest, recordedAt: new Date(original) };
}

/**
 * The event, or undefined for a link or a deleted event. Position: (commit, prepare) packed (see esdb-position.ts)
 * when the server gives both (every $all read; stream reads from 22.10); a commit position alone is taken as
 * (commit, commit), the first event of its append; none at all (stream reads of older servers) gives ''.
 */
export function toStoredEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): StoredEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  const commit = resolved.commitPosition;
  const position = event.position
    ? fromEsdbPosition(event.position)
    : commit === undefined
      ? ''
      : fromEsdbPosition({ commit, prepare: commit });
  return {
    streamId: event.streamId,
    version: Number(event.revision),
    position,
    eventId: event.id,
    type: event.type,
    data: event.isJson ? asObject(event.data) : {},
    ...recordedTime(asObject(event.metadata), event.created),
  };
}
