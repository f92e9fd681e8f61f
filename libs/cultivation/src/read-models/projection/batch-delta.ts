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

export interface OccurrenceRow {
  district_code: string;
  tier: string;
  day: string;
  granted: number;
  renewed: number;
  ended: number;
}

const KIND_INDEX = { GRANTED: 0, RENEWED: 1, ENDED: 2 } as const;

/**
 * Accumulates +/− contributions keyed like the aggregate tables' primary keys: per series (district,
 * tier, metric, level, or district and tier for occurrences) a map of day → value, so that adding a
 * segment builds one key string per district instead of one per row (a rebuild adds millions).
 */
export class BatchDelta {
  /** `district|tier|metric|level` → day → delta */
  private readonly counts = new Map<string, Map<string, number>>();
  /** `district|tier` → day → [granted, renewed, ended] */
  private readonly occurrences = new Map<string, Map<string, [number, number, number]>>();

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

  /** Adds or removes dated occurrences (grants, renewals, ends). */
  addOccurrences(list: readonly Occurrence[], sign: 1 | -1): void {
    for (const o of list) {
      for (const district of [o.districtCode, ALL_DISTRICTS]) {
        const days = series(this.occurrences, `${district}|${o.tier}`);
        let counts = days.get(o.on);
        if (!counts) days.set(o.on, (counts = [0, 0, 0]));
        counts[KIND_INDEX[o.kind]] += sign;
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

  /** Non-zero occurrence changes. */
  occurrenceRows(): OccurrenceRow[] {
    const rows: OccurrenceRow[] = [];
    for (const [key, days] of this.occurrences) {
      const [district_code = '', tier = ''] = key.split('|');
      for (const [day, [granted, renewed, ended]] of days) {
        if (granted !== 0 || renewed !== 0 || ended !== 0)
          rows.push({ district_code, tier, day, granted, renewed, ended });
      }
    }
    return rows;
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

function series<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let days = map.get(key);
  if (!days) map.set(key, (days = new Map()));
  return days;
}
