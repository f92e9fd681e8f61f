import { Injectable } from '@nestjs/common';
import type { EventStore } from '@cl/event-store';
import { DataSource } from 'typeorm';
import { InvalidQueryInput, dateArg, districtArg, ladderArg, tierArg } from './query-input';
import { Clock } from '../clock';
import type { DistrictCount, FunnelStep, TargetProgress, TrendPoint } from './contract-types';
import { readCounts, readTargets, type LiveCheckpoint } from '../../read-models';
import { KnownAtDeltas, knownAtReader, type CountReader } from './as-known-at/counts-known-at';
import { CheckpointCache } from './result-cache';
import { cohortProgress } from './progress/cohort-progress';
import { cohortTrend } from './progress/cohort-trend';
import { districtBreakdown } from './progress/district-breakdown';
import { ladderFunnel } from './progress/ladder-funnel';
import type { TrendInterval } from './progress/periods';

/** Most periods one cohortTrend may return (ten years of months is 120). */
export const MAX_TREND_POINTS = 1000;
const INTERVALS: readonly TrendInterval[] = ['MONTH', 'QUARTER', 'YEAR'];

/** Progress toward targets, by district, over time, up the ladders: all from the pre-aggregated counts. */
@Injectable()
export class ProgressQueries {
  private readonly cache: CheckpointCache;
  private readonly knownAtDeltas: KnownAtDeltas | undefined;

  /**
   * `live`: the process's view of the live checkpoint, so that a cached answer needs no checkpoint read; `store`: the
   * event store, for answers as known at a moment.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    live?: LiveCheckpoint,
    store?: EventStore,
  ) {
    this.cache = new CheckpointCache(live);
    this.knownAtDeltas = store && new KnownAtDeltas(store);
  }

  /** The counts now, or (with `knownAt`) as the ledger knew them then (as-known-at/counts-known-at.ts). */
  private reader(knownAt: Date | null | undefined): CountReader {
    if (knownAt == null) return (q) => readCounts(this.dataSource, q);
    if (Number.isNaN(knownAt.getTime()))
      throw new InvalidQueryInput('DATE_TIME', 'knownAt', 'knownAt is not an instant');
    if (!this.knownAtDeltas) throw new Error('knownAt needs the event store: construct ProgressQueries with it');
    return knownAtReader(this.dataSource, this.knownAtDeltas, knownAt);
  }

  /** One row per tier; asOf defaults to today; district null = whole city; knownAt: from the events recorded by then. */
  cohortProgress(asOf?: string | null, district?: string | null, knownAt?: Date | null): Promise<TargetProgress[]> {
    const on = dateArg(asOf, 'asOf', this.clock.today());
    const where = districtArg(district);
    const read = this.reader(knownAt);
    return this.cache.get(this.dataSource, ['progress', on, where, knownAt?.toISOString() ?? null], (at) =>
      cohortProgress(
        read,
        on,
        where,
        this.cache.at(at, ['targets'], () => readTargets(this.dataSource)),
      ),
    );
  }

  /** All sixteen districts, zeros included. */
  districtBreakdown(tier: string, asOf?: string | null, knownAt?: Date | null): Promise<DistrictCount[]> {
    const t = tierArg(tier);
    const on = dateArg(asOf, 'asOf', this.clock.today());
    const read = this.reader(knownAt);
    return this.cache.get(this.dataSource, ['breakdown', t, on, knownAt?.toISOString() ?? null], () =>
      districtBreakdown(read, t, on),
    );
  }

  /** Trend points per MONTH, QUARTER or YEAR from `from` to `to`. */
  cohortTrend(
    tier: string,
    from: string,
    to: string,
    interval: string = 'MONTH',
    district?: string | null,
    knownAt?: Date | null,
  ): Promise<TrendPoint[]> {
    const args = {
      tier: tierArg(tier),
      from: dateArg(from, 'from', this.clock.today()),
      to: dateArg(to, 'to', this.clock.today()),
      interval: interval as TrendInterval,
      district: districtArg(district),
    };
    if (!INTERVALS.includes(args.interval))
      throw new InvalidQueryInput('INTERVAL_UNKNOWN', 'interval', `unknown interval ${interval}`);
    if (args.to < args.from) throw new InvalidQueryInput('DATE_RANGE', 'to', 'to must not be before from');
    const months = { MONTH: 1, QUARTER: 3, YEAR: 12 }[args.interval];
    const span =
      (Number(args.to.slice(0, 4)) - Number(args.from.slice(0, 4))) * 12 +
      Number(args.to.slice(5, 7)) -
      Number(args.from.slice(5, 7));
    if (span / months >= MAX_TREND_POINTS)
      throw new InvalidQueryInput('DATE_RANGE', 'from', `at most ${MAX_TREND_POINTS} periods`);
    const read = this.reader(knownAt);
    return this.cache.get(this.dataSource, ['trend', args, knownAt?.toISOString() ?? null], () =>
      cohortTrend(read, args),
    );
  }

  /** Rungs of a ladder with reach, conversion and median days from the previous rung. */
  ladderFunnel(ladder: string): Promise<FunnelStep[]> {
    const l = ladderArg(ladder);
    const today = this.clock.today();
    return this.cache.get(this.dataSource, ['funnel', l, today], () => ladderFunnel(this.dataSource, l, today));
  }
}
