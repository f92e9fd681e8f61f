// The counts as the ledger knew them at a moment: the current counts (the read models, at their checkpoint)
// minus what the events recorded after that moment changed in them.
import type { EventStore, Position } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import {
  countFacts,
  countKey,
  netChange,
  weightedContribution,
  type CalendarDate,
  type Tier,
  type WeightedFacts,
} from '../../../domain';
import {
  COUNT_METRICS,
  readCountsAtCheckpoint,
  type CountCell,
  type CountMetric,
  type CountQuery,
  type Sql,
} from '../../../read-models';
import { InvalidQueryInput } from '../query-input';
import { eventsRecordedAfter, lateStreams } from './late-changes';

/** Most events recorded after `knownAt` one answer folds (a moment further back is refused, not scanned). */
export const MAX_LATE_EVENTS = 100_000;

/** Reads counts; the progress queries take one of these (now, or as known at a moment). */
export type CountReader = (q: CountQuery) => Promise<CountCell[]>;

/** Runs `read` in one REPEATABLE READ snapshot, so the counts and the checkpoint read in it agree. */
export async function inOneSnapshot<T>(dataSource: DataSource, read: (sql: Sql) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    const result = await read(runner);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** The contribution query matching a count query. */
export const contributionQuery = (q: CountQuery) => ({ ...q, metrics: q.metrics ?? COUNT_METRICS });

/** `cells` with `change` added (a key absent from `cells` starts at 0). */
export function withChange(cells: readonly CountCell[], change: ReadonlyMap<string, number>): CountCell[] {
  const byKey = new Map(cells.map((c) => [countKey(c.on, c.district, c.metric, c.tier, c.level), { ...c }]));
  for (const [key, n] of change) {
    const cell = byKey.get(key);
    if (cell) cell.count += n;
    else {
      const [on, district, metric, tier, level] = key.split('|') as [string, string, string, string, string];
      byKey.set(key, {
        on: on as CalendarDate,
        district,
        metric: metric as CountMetric,
        tier: tier as Tier,
        level,
        count: n,
      });
    }
  }
  return [...byKey.values()];
}

/**
 * What a moment did not know, at a read-model position: the late enterprises' count facts then minus now, summed
 * into weighted facts (netChange). Computed once per (knownAt, position) and shared by every question asked of it
 * (each question evaluates the few net facts on its dates): a published report's moment is asked again and again.
 * A few entries are kept, the oldest dropped first.
 */
export class KnownAtDeltas {
  private readonly entries = new Map<string, Promise<WeightedFacts>>();

  constructor(
    private readonly store: EventStore,
    private readonly maxEntries = 8,
  ) {}

  get(knownAt: Date, position: Position): Promise<WeightedFacts> {
    const key = `${knownAt.toISOString()}|${position}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.compute(knownAt, position);
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }

  private async compute(knownAt: Date, position: Position): Promise<WeightedFacts> {
    const late = await eventsRecordedAfter(this.store, knownAt, position, MAX_LATE_EVENTS + 1);
    if (late.length > MAX_LATE_EVENTS) {
      throw new InvalidQueryInput(
        'KNOWN_AT_TOO_EARLY',
        'knownAt',
        `more than ${MAX_LATE_EVENTS} events were recorded after knownAt: choose a later moment`,
      );
    }
    const known = knownAt.getTime();
    const streams = await lateStreams(this.store, late, position, (e) => e.recordedAt.getTime() <= known);
    return netChange(streams.map((s) => ({ before: countFacts(s.now), after: countFacts(s.then) })));
  }
}

/**
 * A CountReader answering from the events recorded by `knownAt` only: the counts at the read models' checkpoint
 * plus the late enterprises' contributions then minus now.
 * Its cost grows with the events recorded after `knownAt`, never with the cohort. A `knownAt` at or after the last
 * recording answers as now; one before the first event answers zeros (every event is then late: refused past
 * MAX_LATE_EVENTS).
 */
export function knownAtReader(dataSource: DataSource, deltas: KnownAtDeltas, knownAt: Date): CountReader {
  return async (q) => {
    const { position, cells } = await readCountsAtCheckpoint(dataSource, q);
    if (position === null) return cells;
    // Late events effective after the last date asked add nothing here (their facts start after it).
    const change = weightedContribution(await deltas.get(knownAt, position), contributionQuery(q));
    return withChange(cells, change);
  };
}
