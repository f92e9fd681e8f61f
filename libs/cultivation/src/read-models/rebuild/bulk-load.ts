// The fast path of a rebuild or verify: the log read once, ordered by stream where the store can
// (readByStream), each stream folded once in memory (fold.ts, the projector's own functions) and its
// rows sent to COPY as soon as the stream ends: no per-page before/after difference, no upserts, no
// index maintenance (the caller builds the indexes after the load), and memory bounded by a page, not
// by the cohort. While node folds a page, PostgreSQL already reads the next one; five backends ingest
// the five per-enterprise tables meanwhile; the aggregates, summed in one BatchDelta, follow at the end.
import { comparePositions, type EventStore, type StoreConnection, type StoredEvent } from '@cl/event-store';
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { BatchDelta, mergeDeltas } from '../projection/batch-delta';
import { readCheckpoint, writeCheckpoint } from '../projection/checkpoint';
import { targetKey, type Tier } from '../../domain';
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
const PAGE = 10_000;

export interface FoldArgs {
  pageSize?: number;
  /** Only the streams of this range (readByStream's bounds; without readByStream the whole log). */
  range?: { fromStream?: string; toStream?: string };
  counter: { done: number };
  onProgress?: (progress: ReplayProgress) => void | Promise<void>;
}

/** The credit code of an enterprise event; null for any other (a TargetSet goes to the loader's targets). */
function enterpriseOf(e: StoredEvent, loader: BulkLoader): string | null {
  if (!fold.isTargetsStream(e.streamId)) return fold.enterpriseCode(e.streamId);
  loader.addTarget(fold.targetRow(e));
  return null;
}

/**
 * Folds the log up to `upTo` (inclusive) into `loader`, each enterprise once. With the store's
 * `readByStream` one stream at a time: a stream's rows go to COPY as soon as its last event is folded,
 * so memory holds one page and one state, whatever the cohort. Without it (EventStoreDB) from `readAll`
 * in global order, every state held until the end of the log. Returns the position folded up to
 * (null: nothing to fold).
 */
export async function foldLog(
  store: EventStore,
  upTo: string | null,
  loader: BulkLoader,
  args: FoldArgs,
): Promise<string | null> {
  if (upTo === null) return null;
  const report = (page: StoredEvent[]) => {
    args.counter.done += page.length;
    return args.onProgress?.({
      phase: 'replaying',
      done: args.counter.done,
      position: page.at(-1)!.position,
      head: upTo,
    });
  };
  if (!store.readByStream) return foldInGlobalOrder(store, upTo, loader, args, report);
  let code: string | null = null;
  let stream = fold.foldedStream();
  let read = 0;
  for await (const page of store.readByStream(upTo, { ...args.range, pageSize: args.pageSize ?? PAGE })) {
    for (const e of page) {
      const next = enterpriseOf(e, loader);
      if (next === null) continue;
      if (next !== code) {
        if (code !== null) await loader.addStream(code, stream);
        code = next;
        stream = fold.foldedStream();
      }
      fold.foldEvent(stream, e);
    }
    read += page.length;
    await report(page);
  }
  if (code !== null) await loader.addStream(code, stream);
  return read === 0 ? null : upTo;
}

/** The fallback of foldLog: pages of readAll (the next read while one is folded), every state held. */
async function foldInGlobalOrder(
  store: EventStore,
  upTo: string,
  loader: BulkLoader,
  args: FoldArgs,
  report: (page: StoredEvent[]) => void | Promise<void>,
): Promise<string | null> {
  const streams = new Map<string, fold.FoldedStream>();
  let position: string | null = null;
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
      const code = enterpriseOf(e, loader);
      if (code === null) continue;
      let stream = streams.get(code);
      if (!stream) streams.set(code, (stream = fold.foldedStream()));
      fold.foldEvent(stream, e);
    }
    await report(page);
    if (done) break;
  }
  for (const [code, stream] of streams) await loader.addStream(code, stream);
  return position;
}

/** A row's values in column order. */
function valuesOf(row: object, columns: readonly string[]): unknown[] {
  return columns.map((c) => (row as Record<string, unknown>)[c]);
}

/** Connections a BulkLoader holds at once: the summaries' COPY and one per enterprise table. */
export const LOADER_CONNECTIONS = 1 + Object.keys(ENTERPRISE_TABLES).length;

/**
 * A pool of a bulk load's own (a rebuild's or verify's in the calling thread, or a worker's), on the read-model
 * database's settings, with LOADER_CONNECTIONS connections. Never the service's pool: a loader takes its
 * connections one by one and holds them all, so in a pool where others hold some for long (the projector's leader
 * lock, the rebuild lock) it waited forever for the last ones when the pool was small (a bench or CLI DataSource of
 * four) or busy.
 */
export function openBulkPool(settings: StoreConnection['settings']): Pool {
  const pool = new Pool({ ...(settings as PoolConfig), max: LOADER_CONNECTIONS });
  pool.on('error', () => undefined); // an idle client losing its server: the next COPY fails and says so
  return pool;
}

/** `n` connections of `pool` held together (all released by `release`, or none held when one cannot be had). */
export async function holdConnections(
  pool: Pool,
  n: number,
): Promise<{ clients: PoolClient[]; release: () => Promise<void> }> {
  const clients: PoolClient[] = [];
  const release = async () => clients.forEach((c) => c.release());
  try {
    for (let i = 0; i < n; i++) clients.push(await pool.connect());
  } catch (error) {
    await release();
    throw error;
  }
  return { clients, release };
}

/** What a fold sums beside the per-enterprise rows: the aggregate deltas and the targets (a worker hands them back). */
export interface FoldSums {
  delta: BatchDelta;
  targets: TargetRow[];
}

/**
 * Writes the read models of folded streams into the bare tables of `schema` (see createShadowTables),
 * each enterprise's rows as soon as it is added: summaries and per-enterprise rows on five connections
 * with COPY; at `finish` the aggregates summed over every enterprise, the targets, and the checkpoint at
 * the position folded (stamped with this code's versions).
 */
export class BulkLoader {
  private readonly delta = new BatchDelta();
  private readonly targets = new Map<string, TargetRow>();
  private readonly summaryColumns = columnNames(SUMMARY_COLUMNS);

  private constructor(
    private readonly schema: string,
    private readonly clients: PoolClient[],
    private readonly release: () => Promise<void>,
    private readonly summaries: CopyWriter,
    private readonly perEnterprise: { table: EnterpriseTable; names: string[]; writer: CopyWriter }[],
  ) {}

  /** Opens the COPYs on connections of `pool`, a pool of the load's own (openBulkPool). */
  static async open(pool: Pool, schema: string): Promise<BulkLoader> {
    const tables = Object.entries(ENTERPRISE_TABLES) as [EnterpriseTable, string][];
    const { clients, release } = await holdConnections(pool, LOADER_CONNECTIONS);
    const summaries = CopyWriter.open(
      clients[0]!,
      qualified(schema, 'enterprise_summary'),
      columnNames(SUMMARY_COLUMNS),
    );
    const perEnterprise = tables.map(([table, columns], i) => {
      const names = columnNames(columns);
      return { table, names, writer: CopyWriter.open(clients[i + 1]!, qualified(schema, table), names) };
    });
    return new BulkLoader(schema, clients, release, summaries, perEnterprise);
  }

  /** Sets a tier's target unless a later TargetSet already did. */
  addTarget(row: TargetRow): void {
    const key = targetKey(row.tier as Tier, row.district);
    if ((this.targets.get(key)?.version ?? -1) < row.version) this.targets.set(key, row);
  }

  /** Writes a folded enterprise's rows and adds its facts to the aggregates (nothing before registration). */
  async addStream(code: string, stream: fold.FoldedStream): Promise<void> {
    const rows = fold.enterpriseRows(code, stream);
    if (!rows) return;
    this.delta.addSegments(rows.facts.segments, 1);
    this.delta.addOccurrences(rows.facts.occurrences, 1);
    const sent = this.summaries.write(valuesOf(rows.summary, this.summaryColumns));
    if (sent) await sent;
    const byTable = enterpriseTableRows(rows.facts);
    for (const { table, names, writer } of this.perEnterprise) {
      for (const row of byTable[table]) {
        const written = writer.write(valuesOf(row, names));
        if (written) await written;
      }
    }
  }

  /** Adds what another loader summed (a worker's, see `handBack`) to this one's aggregates and targets. */
  absorb(sums: FoldSums): void {
    mergeDeltas(this.delta, sums.delta);
    for (const target of sums.targets) this.addTarget(target);
  }

  /** Commits the per-enterprise rows and releases the connections; returns the sums for another loader to `absorb`. */
  async handBack(): Promise<FoldSums> {
    try {
      await this.endRows();
    } finally {
      await this.release();
    }
    return { delta: this.delta, targets: [...this.targets.values()] };
  }

  private endRows(): Promise<unknown> {
    return Promise.all([this.summaries.end(), ...this.perEnterprise.map((p) => p.writer.end())]);
  }

  /** Commits the per-enterprise rows, writes the aggregates, targets and (unless null) the checkpoint; releases the connections. */
  async finish(dataSource: DataSource, position: string | null): Promise<void> {
    const { schema, clients } = this;
    try {
      await this.endRows();
      const copy = (i: number, table: ReadModelTable, columns: string[], rows: (readonly unknown[])[]) => {
        const writer = CopyWriter.open(clients[i]!, qualified(schema, table), columns);
        return writer.writeAll(rows).then(() => writer.end());
      };
      const delta = this.delta;
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
          'targets',
          targetColumns,
          [...this.targets.values()].map((t) => valuesOf(t, targetColumns)),
        ),
      ]);
    } finally {
      await this.release();
    }
    // An empty log has no checkpoint row, as a live schema that never applied a batch has none.
    if (position === null) return;
    await readCheckpoint(dataSource, schema, true);
    await writeCheckpoint(dataSource, schema, position);
  }

  /** Gives the connections back after a failure (the scratch schema is dropped or rebuilt by the caller). */
  async abort(): Promise<void> {
    await Promise.all([this.summaries, ...this.perEnterprise.map((p) => p.writer)].map((w) => w.abort()));
    await this.release();
  }
}
