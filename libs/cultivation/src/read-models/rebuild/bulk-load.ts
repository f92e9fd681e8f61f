// The fast path of a rebuild or verify: one ordered read of the log, each stream folded once in memory
// (fold.ts, the projector's own functions), then every table written with COPY from the final states:
// no per-page before/after difference, no upserts, no index maintenance (the caller builds the
// indexes after the load). While node folds a page, PostgreSQL already reads the next one; while node
// derives and encodes rows, four backends ingest four tables.
import type { EventStore, StoredEvent } from '@cl/event-store';
import { comparePositions } from '@cl/event-store';
import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { BatchDelta } from '../projection/batch-delta';
import { readCheckpoint, writeCheckpoint } from '../projection/checkpoint';
import * as fold from '../projection/fold';
import {
  columnNames,
  ENTERPRISE_TABLES,
  enterpriseTableRows,
  SUMMARY_COLUMNS,
  TARGET_COLUMNS,
  type EnterpriseTable,
  type TargetRow,
} from '../projection/write-enterprises';
import { qualified, type ReadModelTable } from '../schema';
import { CopyWriter } from './copy-writer';
import type { ReplayProgress } from './replay';

/** Events per read of the log. */
const PAGE = 5_000;

export interface FoldedLog {
  readonly streams: Map<string, fold.FoldedStream>;
  readonly targets: Map<string, TargetRow>;
  /** The last position read (null: nothing). */
  readonly position: string | null;
}

/** Reads the log after `from` up to `upTo` (inclusive) once, folding every enterprise stream and the targets. */
export async function foldLog(
  store: EventStore,
  upTo: string | null,
  args: {
    pageSize?: number;
    counter: { done: number };
    onProgress?: (progress: ReplayProgress) => void | Promise<void>;
  },
): Promise<FoldedLog> {
  const streams = new Map<string, fold.FoldedStream>();
  const targets = new Map<string, TargetRow>();
  let position: string | null = null;
  if (upTo === null) return { streams, targets, position };
  const read = (from: string | null): Promise<StoredEvent[]> => {
    const page = store.readAll(from, args.pageSize ?? PAGE);
    page.catch(() => undefined); // awaited below; a failure of a page read ahead must not go unhandled meanwhile
    return page;
  };
  let next = read(null);
  for (;;) {
    const page = (await next).filter((e) => comparePositions(e.position, upTo) <= 0);
    if (page.length === 0) break;
    position = page.at(-1)!.position;
    const done = comparePositions(position, upTo) >= 0;
    if (!done) next = read(position); // PostgreSQL reads the next page while this one is folded
    for (const e of page) {
      if (fold.isTargetsStream(e.streamId)) {
        const row = fold.targetRow(e);
        if ((targets.get(row.tier)?.version ?? -1) < row.version) targets.set(row.tier, row);
        continue;
      }
      const code = fold.enterpriseCode(e.streamId);
      if (code === null) continue;
      let stream = streams.get(code);
      if (!stream) streams.set(code, (stream = fold.foldedStream()));
      fold.foldEvent(stream, e);
    }
    args.counter.done += page.length;
    await args.onProgress?.({ phase: 'replaying', done: args.counter.done, position, head: upTo });
    if (done) break;
  }
  return { streams, targets, position };
}

/** A row's values in column order. */
function valuesOf(row: object, columns: readonly string[]): unknown[] {
  return columns.map((c) => (row as Record<string, unknown>)[c]);
}

/** Connections of their own for the COPYs (a TypeORM query runner each, released by `release`). */
async function connections(
  dataSource: DataSource,
  n: number,
): Promise<{ clients: PoolClient[]; release: () => Promise<void> }> {
  const runners: QueryRunner[] = [];
  const clients: PoolClient[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const runner = dataSource.createQueryRunner();
      runners.push(runner);
      clients.push((await runner.connect()) as PoolClient);
    }
  } catch (error) {
    await Promise.all(runners.map((r) => r.release()));
    throw error;
  }
  return { clients, release: () => Promise.all(runners.map((r) => r.release())).then(() => undefined) };
}

/**
 * Writes the read models of a folded log into the bare tables of `schema` (see createShadowTables):
 * summaries and per-enterprise rows, the aggregates summed over every enterprise, the targets, and
 * the checkpoint at the position folded (stamped with this code's versions).
 */
export async function bulkLoad(dataSource: DataSource, schema: string, folded: FoldedLog): Promise<void> {
  const tables = Object.entries(ENTERPRISE_TABLES) as [EnterpriseTable, string][];
  const { clients, release } = await connections(dataSource, 1 + tables.length);
  try {
    const open = (i: number, table: ReadModelTable, columns: string[]) =>
      CopyWriter.open(clients[i]!, qualified(schema, table), columns);
    const summaryColumns = columnNames(SUMMARY_COLUMNS);
    const summaries = open(0, 'enterprise_summary', summaryColumns);
    const perEnterprise = tables.map(([table, columns], i) => {
      const names = columnNames(columns);
      return { names, writer: open(i + 1, table, names) };
    });
    const delta = new BatchDelta();
    for (const [code, stream] of folded.streams) {
      const rows = fold.enterpriseRows(code, stream);
      if (!rows) continue;
      delta.addSegments(rows.facts.segments, 1);
      delta.addOccurrences(rows.facts.occurrences, 1);
      const sent = summaries.write(valuesOf(rows.summary, summaryColumns));
      if (sent) await sent;
      const byTable = enterpriseTableRows(rows.facts);
      for (const [i, [table]] of tables.entries()) {
        const { names, writer } = perEnterprise[i]!;
        await writer.writeAll(byTable[table].map((row) => valuesOf(row, names)));
      }
    }
    await Promise.all([summaries.end(), ...perEnterprise.map((p) => p.writer.end())]);

    const copy = (i: number, table: ReadModelTable, columns: string[], rows: (readonly unknown[])[]) => {
      const writer = open(i, table, columns);
      return writer.writeAll(rows).then(() => writer.end());
    };
    const targetColumns = columnNames(TARGET_COLUMNS);
    await Promise.all([
      copy(
        0,
        'count_tree',
        ['district_code', 'node', 'tier', 'metric', 'level', 'total'],
        delta.treeRows().map((r) => [r.district_code, r.node, r.tier, r.metric, r.level, r.total]),
      ),
      copy(
        1,
        'occurrence_daily',
        ['district_code', 'tier', 'day', 'granted', 'renewed', 'ended'],
        delta.occurrenceRows().map((r) => [r.district_code, r.tier, r.day, r.granted, r.renewed, r.ended]),
      ),
      copy(
        2,
        'targets',
        targetColumns,
        [...folded.targets.values()].map((t) => valuesOf(t, targetColumns)),
      ),
    ]);
  } finally {
    await release();
  }
  // An empty log has no checkpoint row, as a live schema that never applied a batch has none.
  if (folded.position === null) return;
  await readCheckpoint(dataSource, schema, true);
  await writeCheckpoint(dataSource, schema, folded.position);
}
