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
    metadata: asObject(event.metadata),
    recordedAt: event.created,
  };
}
