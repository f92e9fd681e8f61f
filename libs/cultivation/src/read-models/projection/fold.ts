// One enterprise stream folded from stored events, and the rows it yields: the single definition of
// "events → read-model rows" that both the live projector (per batch, as a before/after difference)
// and the rebuild (once per stream over the whole log) use.
import type { StoredEvent } from '@cl/event-store';
import {
  evolveOwned,
  initialState,
  TARGETS_STREAM,
  upcastRecorded,
  type EnterpriseEvent,
  type EnterpriseState,
  type TargetSpec,
} from '../../domain';
import { enterpriseFacts, summaryOf, type EnterpriseFacts } from './enterprise-facts';
import type { SummaryRow, TargetRow } from './write-enterprises';

const ENTERPRISE_PREFIX = 'enterprise-';

/** An enterprise stream folded so far: the state before the events at hand, after them, and where it stands. */
export interface FoldedStream {
  before: EnterpriseState;
  state: EnterpriseState;
  /** Stream version of the last event folded in (-1: none). */
  version: number;
  lastPosition: string;
  /** The last event folded in (what a failure deriving its rows is blamed on). */
  lastEvent?: StoredEvent;
  changed: boolean;
  /** True once `state` is this fold's own copy (not `before`, nor a snapshot shared with it): folded in place. */
  owned?: boolean;
}

/** A stream not folded yet, or one resumed from a stored snapshot. */
export function foldedStream(stored?: { state: EnterpriseState; version: number; lastPosition: string }): FoldedStream {
  const state = stored?.state ?? initialState();
  return {
    before: state,
    state,
    version: stored?.version ?? -1,
    lastPosition: stored?.lastPosition ?? '0',
    changed: false,
  };
}

/** The credit code of an enterprise stream, null for any other stream. */
export function enterpriseCode(streamId: string): string | null {
  return streamId.startsWith(ENTERPRISE_PREFIX) ? streamId.slice(ENTERPRISE_PREFIX.length) : null;
}

/** True for the stream of TargetSet events. */
export function isTargetsStream(streamId: string): boolean {
  return streamId === TARGETS_STREAM;
}

/** Folds one stored event of the stream in; false (nothing done) when the stream already has it (a replay). */
export function foldEvent(stream: FoldedStream, e: StoredEvent): boolean {
  if (e.version <= stream.version) return false;
  // One copy of the state per stream and batch (`before` keeps the facts' starting point), none per event.
  if (!stream.owned) [stream.state, stream.owned] = [structuredClone(stream.state), true];
  stream.state = evolveOwned(stream.state, { eventId: e.eventId, event: upcastRecorded(e) as EnterpriseEvent });
  stream.version = e.version;
  stream.lastPosition = e.position;
  stream.lastEvent = e;
  stream.changed = true;
  return true;
}

/** The targets row a TargetSet event sets. */
export function targetRow(e: StoredEvent): TargetRow {
  const { data } = upcastRecorded(e) as unknown as { data: TargetSpec };
  return { ...data, level: data.level ?? null, district: data.district ?? '', version: e.version };
}

/** The summary row and facts of a folded enterprise; null before registration. */
export function enterpriseRows(
  code: string,
  stream: FoldedStream,
): { summary: SummaryRow; facts: EnterpriseFacts } | null {
  const summary = summaryOf(stream.state);
  if (!summary) return null;
  return {
    summary: {
      credit_code: code,
      ...summary,
      version: stream.version,
      last_position: stream.lastPosition,
      state: stream.state,
    },
    facts: enterpriseFacts(stream.state),
  };
}
