// Applies one batch of the global log to the read models of one schema, inside the caller's
// transaction. Per enterprise: load the state snapshot, evolve with the batch's events, and write the
// difference between the facts derived before and after. Replays are no-ops twice over: events at or
// below the checkpoint are dropped, and an event at or below an enterprise's stored version is skipped.
import type { StoredEvent } from '@cl/event-store';
import { comparePositions } from '@cl/event-store';
import {
  evolve,
  initialState,
  TARGETS_STREAM,
  upcastRecorded,
  type EnterpriseEvent,
  type EnterpriseState,
  type TargetSpec,
} from '../../domain';
import { qualified } from '../schema';
import { BatchDelta } from './batch-delta';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import {
  enterpriseFacts,
  summaryOf,
  type FirstRow,
  type GrantRow,
  type IntervalRow,
  type NameRow,
} from './enterprise-facts';
import { UnappliableEvent } from './unappliable-event';
import { addCounts, addOccurrences } from './write-aggregates';
import { replaceEnterpriseRows, upsertSummaries, upsertTarget, type SummaryRow } from './write-enterprises';
import type { Sql } from './sql';

const ENTERPRISE_PREFIX = 'enterprise-';

interface Touched {
  before: EnterpriseState;
  state: EnterpriseState;
  version: number;
  lastPosition: string;
  /** The last event of the batch applied to it (what a failure deriving its rows is blamed on). */
  lastEvent?: StoredEvent;
  changed: boolean;
}

/** Runs the pure part of applying `event`; a failure there is that event's (UnappliableEvent). */
function attributed<T>(event: StoredEvent, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new UnappliableEvent(event, error);
  }
}

/** What a batch did. */
export interface ApplyResult {
  applied: number;
  skipped: number;
  /** The checkpoint after the batch. */
  position: string | null;
}

async function loadStates(sql: Sql, schema: string, codes: string[]): Promise<Map<string, Touched>> {
  const rows: { credit_code: string; version: number; last_position: string; state: EnterpriseState }[] =
    await sql.query(
      `SELECT credit_code, version, last_position::text AS last_position, state
     FROM ${qualified(schema, 'enterprise_summary')} WHERE credit_code = ANY($1::text[])`,
      [codes],
    );
  const found = new Map(rows.map((r) => [r.credit_code, r]));
  return new Map(
    codes.map((code) => {
      const row = found.get(code);
      const state = row?.state ?? initialState();
      return [
        code,
        { before: state, state, version: row?.version ?? -1, lastPosition: row?.last_position ?? '0', changed: false },
      ];
    }),
  );
}

/**
 * Applies `events` (global order) to the read models in `schema`; call inside a transaction. With
 * `deferred`, the aggregate deltas are added to it instead of written: a replay into a scratch schema
 * sums many pages and writes each aggregate row once (`flushAggregates`), which is most of its cost.
 */
export async function applyEvents(
  sql: Sql,
  schema: string,
  events: readonly StoredEvent[],
  deferred?: BatchDelta,
): Promise<ApplyResult> {
  const checkpoint = await readCheckpoint(sql, schema, true);
  const fresh = events.filter((e) => comparePositions(e.position, checkpoint.position) > 0);
  const last = events.at(-1);
  if (fresh.length === 0 || !last) return { applied: 0, skipped: events.length, position: checkpoint.position };

  const codes = [
    ...new Set(
      fresh
        .filter((e) => e.streamId.startsWith(ENTERPRISE_PREFIX))
        .map((e) => e.streamId.slice(ENTERPRISE_PREFIX.length)),
    ),
  ];
  const touched = await loadStates(sql, schema, codes);
  let applied = 0;
  for (const e of fresh) {
    if (e.streamId === TARGETS_STREAM) {
      const { data } = attributed(e, () => upcastRecorded(e) as unknown as { data: TargetSpec });
      await upsertTarget(sql, schema, { ...data, level: data.level ?? null, version: e.version });
      applied++;
      continue;
    }
    const t = touched.get(e.streamId.slice(ENTERPRISE_PREFIX.length));
    if (!t || e.version <= t.version) continue; // not ours, or already applied (replay)
    const state = t.state;
    t.state = attributed(e, () => evolve(state, { eventId: e.eventId, event: upcastRecorded(e) as EnterpriseEvent }));
    t.version = e.version;
    t.lastPosition = e.position;
    t.lastEvent = e;
    t.changed = true;
    applied++;
  }

  const delta = deferred ?? new BatchDelta();
  const summaries: SummaryRow[] = [];
  const rows = {
    grants: [] as GrantRow[],
    intervals: [] as IntervalRow[],
    firsts: [] as FirstRow[],
    names: [] as NameRow[],
  };
  const changedCodes: string[] = [];
  for (const [code, t] of touched) {
    if (!t.changed || !t.lastEvent) continue;
    const { summary, before, after } = attributed(t.lastEvent, () => ({
      summary: summaryOf(t.state),
      before: enterpriseFacts(t.before),
      after: enterpriseFacts(t.state),
    }));
    if (!summary) continue;
    delta.addSegments(before.segments, -1);
    delta.addSegments(after.segments, 1);
    delta.addOccurrences(before.occurrences, -1);
    delta.addOccurrences(after.occurrences, 1);
    rows.grants.push(...after.grants);
    rows.intervals.push(...after.intervals);
    rows.firsts.push(...after.firsts);
    rows.names.push(...after.names);
    changedCodes.push(code);
    summaries.push({
      credit_code: code,
      ...summary,
      version: t.version,
      last_position: t.lastPosition,
      state: t.state,
    });
  }
  await upsertSummaries(sql, schema, summaries);
  await replaceEnterpriseRows(sql, schema, changedCodes, rows);
  if (!deferred) await flushAggregates(sql, schema, delta);
  await writeCheckpoint(sql, schema, last.position);
  return { applied, skipped: events.length - applied, position: last.position };
}

/** Writes summed aggregate deltas (count_daily, count_monthly, occurrence_daily). */
export async function flushAggregates(sql: Sql, schema: string, delta: BatchDelta): Promise<void> {
  await addCounts(sql, schema, 'count_daily', delta.dailyRows());
  await addCounts(sql, schema, 'count_monthly', delta.monthlyRows());
  await addOccurrences(sql, schema, delta.occurrenceRows());
}
