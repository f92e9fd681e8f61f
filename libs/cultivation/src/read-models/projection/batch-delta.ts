// The net change a batch makes to the aggregate tables. Facts before a batch are subtracted and facts
// after it added, so a retraction, relocation or renewal needs no special case: the difference says it.
import type { CountingSegment, Occurrence } from '../../domain';
import { isMap } from 'node:util/types';
import { ALL_DISTRICTS } from '../schema';
import { nodeSums } from './count-tree';

/** A node of a series' count tree (count-tree.ts) and the change to its sum. */
export interface CountTreeRow {
  district_code: string;
  node: number;
  tier: string;
  metric: string;
  level: string;
  total: number;
}

/**
 * Accumulates +/− contributions per series of the count tree (district, tier, metric, level): a map of
 * day → delta, so that adding a segment builds one key string per district instead of one per row (a
 * rebuild adds millions). Counts (metrics ACTIVE and CUMULATIVE) add +1 on the day a segment starts and
 * −1 on the day it ends; occurrences (metrics GRANTED, RENEWED, ENDED, level ANY) add +1 on their day,
 * so their prefix sum is how many happened up to a day and a period's number is a difference of two.
 */
export class BatchDelta {
  /** `district|tier|metric|level` → day → delta */
  private readonly counts = new Map<string, Map<string, number>>();

  /** Adds (sign 1) or removes (sign −1) counting segments: +1 on `from`, −1 on `until`. */
  addSegments(segments: readonly CountingSegment[], sign: 1 | -1): void {
    for (const s of segments) {
      const suffix = `|${s.tier}|${s.metric}|${s.level}`;
      for (const district of [s.districtCode, ALL_DISTRICTS]) {
        const days = series(this.counts, district + suffix);
        days.set(s.from, (days.get(s.from) ?? 0) + sign);
        if (s.until !== null) days.set(s.until, (days.get(s.until) ?? 0) - sign);
      }
    }
  }

  /** Adds or removes dated occurrences (grants, renewals, ends): +1 on their day in the series of their kind. */
  addOccurrences(list: readonly Occurrence[], sign: 1 | -1): void {
    for (const o of list) {
      const suffix = `|${o.tier}|${o.kind}|ANY`;
      for (const district of [o.districtCode, ALL_DISTRICTS]) {
        const days = series(this.counts, district + suffix);
        days.set(o.on, (days.get(o.on) ?? 0) + sign);
      }
    }
  }

  /**
   * The changes to the count tree's nodes, nodes whose change is 0 left out, in primary-key order
   * (district, node, tier, metric, level): a rebuild's COPY so lays a district's node rows side by side.
   */
  treeRows(): CountTreeRow[] {
    const rows: CountTreeRow[] = [];
    for (const [key, days] of this.counts) {
      const [district_code = '', tier = '', metric = '', level = ''] = key.split('|');
      for (const [node, total] of nodeSums(days)) rows.push({ district_code, node, tier, metric, level, total });
    }
    return rows.sort(
      (a, b) =>
        compare(a.district_code, b.district_code) ||
        a.node - b.node ||
        compare(a.tier, b.tier) ||
        compare(a.metric, b.metric) ||
        compare(a.level, b.level),
    );
  }
}

/**
 * Adds every sum of `from` into `into`: both BatchDeltas (or one's structured clone from a worker thread,
 * which keeps the maps but not the class), whatever maps of sums (numbers or arrays of numbers) they hold.
 * Takes over `from`'s maps where `into` has none (so `from` is spent). `isMap`, not instanceof: a clone is
 * built in the realm that receives the message, not necessarily this module's (jest runs tests in a vm context).
 */
export function mergeDeltas(into: BatchDelta, from: BatchDelta): void {
  const target = into as unknown as Record<string, unknown>;
  for (const [field, sums] of Object.entries(from)) {
    if (isMap(sums)) addSums(target[field] as Map<string, unknown>, sums as Map<string, unknown>);
  }
}

function addSums(into: Map<string, unknown>, from: Map<string, unknown>): void {
  for (const [key, value] of from) {
    const mine = into.get(key);
    if (mine === undefined) into.set(key, value);
    else if (isMap(mine)) addSums(mine as Map<string, unknown>, value as Map<string, unknown>);
    else if (Array.isArray(mine)) (value as number[]).forEach((v, i) => (mine[i] += v));
    else into.set(key, (mine as number) + (value as number));
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function series(map: Map<string, Map<string, number>>, key: string): Map<string, number> {
  let days = map.get(key);
  if (!days) map.set(key, (days = new Map()));
  return days;
}
