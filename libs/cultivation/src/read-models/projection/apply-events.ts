// Applies one batch of the global log to the read models of one schema, inside the caller's
// transaction. Per enterprise: load the state snapshot, evolve with the batch's events, and write the
// difference between the facts derived before and after. Replays are no-ops twice over: events at or
// below the checkpoint are dropped, and an event at or below an enterprise's stored version is skipped.
// A schema written by another projection version is refused (ProjectionVersionMismatch).
import type { StoredEvent } from '@cl/event-store';
import { comparePositions } from '@cl/event-store';
import type { EnterpriseState } from '../../domain';
import { qualified } from '../schema';
import { BatchDelta } from './batch-delta';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import { enterpriseFacts } from './enterprise-facts';
import {
  enterpriseCode,
  enterpriseRows,
  foldedStream,
  foldEvent,
  isTargetsStream,
  targetRow,
  type FoldedStream,
} from './fold';
import { UnappliableEvent } from './unappliable-event';
import { versionMismatch } from './versions';
import { addCountTree } from './write-aggregates';
import {
  addEnterpriseRows,
  noEnterpriseRows,
  replaceEnterpriseRows,
  upsertSummaries,
  upsertTarget,
  type SummaryRow,
} from './write-enterprises';
import type { Sql } from './sql';

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

async function loadStates(sql: Sql, schema: string, codes: string[]): Promise<Map<string, FoldedStream>> {
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
      return [code, foldedStream(row && { state: row.state, version: row.version, lastPosition: row.last_position })];
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
  const mismatch = versionMismatch(checkpoint);
  if (mismatch) throw mismatch;
  const fresh = events.filter((e) => comparePositions(e.position, checkpoint.position) > 0);
  const last = events.at(-1);
  if (fresh.length === 0 || !last) return { applied: 0, skipped: events.length, position: checkpoint.position };

  const codes = [...new Set(fresh.map((e) => enterpriseCode(e.streamId)).filter((c) => c !== null))];
  const touched = await loadStates(sql, schema, codes);
  let applied = 0;
  for (const e of fresh) {
    if (isTargetsStream(e.streamId)) {
      await upsertTarget(
        sql,
        schema,
        attributed(e, () => targetRow(e)),
      );
      applied++;
      continue;
    }
    const stream = touched.get(enterpriseCode(e.streamId) ?? '');
    if (stream && attributed(e, () => foldEvent(stream, e))) applied++; // else not ours, or already applied (replay)
  }

  const delta = deferred ?? new BatchDelta();
  const summaries: SummaryRow[] = [];
  const rows = noEnterpriseRows();
  const changedCodes: string[] = [];
  for (const [code, stream] of touched) {
    const blamed = stream.lastEvent;
    if (!stream.changed || !blamed) continue;
    const derived = attributed(blamed, () => {
      const after = enterpriseRows(code, stream);
      return after && { after, before: enterpriseFacts(stream.before) };
    });
    if (!derived) continue;
    const { after, before } = derived;
    delta.addSegments(before.segments, -1);
    delta.addSegments(after.facts.segments, 1);
    delta.addOccurrences(before.occurrences, -1);
    delta.addOccurrences(after.facts.occurrences, 1);
    addEnterpriseRows(rows, after.facts);
    changedCodes.push(code);
    summaries.push(after.summary);
  }
  await upsertSummaries(sql, schema, summaries);
  await replaceEnterpriseRows(sql, schema, changedCodes, rows);
  if (!deferred) await flushAggregates(sql, schema, delta);
  await writeCheckpoint(sql, schema, last.position);
  return { applied, skipped: events.length - applied, position: last.position };
}

/** Writes summed aggregate deltas (count_tree: counts and occurrences). */
export async function flushAggregates(sql: Sql, schema: string, delta: BatchDelta): Promise<void> {
  await addCountTree(sql, schema, delta.treeRows());
}
