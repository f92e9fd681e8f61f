// The net change a batch makes to the aggregate tables. Facts before a batch are subtracted and facts
// after it added, so a retraction, relocation or renewal needs no special case: the difference says it.
import type { CountingSegment, Occurrence } from '../../domain';
import { ALL_DISTRICTS } from '../schema';

export interface CountRow {
  district_code: string;
  tier: string;
  day: string;
  metric: string;
  level: string;
  delta: number;
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

/** Accumulates +/− contributions keyed like the aggregate tables' primary keys. */
export class BatchDelta {
  private readonly counts = new Map<string, number>();
  private readonly occurrences = new Map<string, [number, number, number]>();

  /** Adds (sign 1) or removes (sign −1) counting segments: +1 on `from`, −1 on `until`. */
  addSegments(segments: readonly CountingSegment[], sign: 1 | -1): void {
    for (const s of segments) {
      for (const district of [s.districtCode, ALL_DISTRICTS]) {
        this.bump(`${district}|${s.tier}|${s.from}|${s.metric}|${s.level}`, sign);
        if (s.until !== null) this.bump(`${district}|${s.tier}|${s.until}|${s.metric}|${s.level}`, -sign);
      }
    }
  }

  /** Adds or removes dated occurrences (grants, renewals, ends). */
  addOccurrences(list: readonly Occurrence[], sign: 1 | -1): void {
    for (const o of list) {
      for (const district of [o.districtCode, ALL_DISTRICTS]) {
        const key = `${district}|${o.tier}|${o.on}`;
        const counts = this.occurrences.get(key) ?? [0, 0, 0];
        counts[KIND_INDEX[o.kind]] += sign;
        this.occurrences.set(key, counts);
      }
    }
  }

  /** Non-zero daily deltas. */
  dailyRows(): CountRow[] {
    return [...this.counts].filter(([, d]) => d !== 0).map(([key, delta]) => toCountRow(key, delta));
  }

  /** The same deltas summed per month (day = first of the month). */
  monthlyRows(): CountRow[] {
    const months = new Map<string, number>();
    for (const row of this.dailyRows()) {
      const key = `${row.district_code}|${row.tier}|${row.day.slice(0, 8)}01|${row.metric}|${row.level}`;
      months.set(key, (months.get(key) ?? 0) + row.delta);
    }
    return [...months].filter(([, d]) => d !== 0).map(([key, delta]) => toCountRow(key, delta));
  }

  /** Non-zero occurrence changes. */
  occurrenceRows(): OccurrenceRow[] {
    return [...this.occurrences]
      .filter(([, c]) => c.some((n) => n !== 0))
      .map(([key, [granted, renewed, ended]]) => {
        const [district_code = '', tier = '', day = ''] = key.split('|');
        return { district_code, tier, day, granted, renewed, ended };
      });
  }

  private bump(key: string, by: number): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }
}

function toCountRow(key: string, delta: number): CountRow {
  const [district_code = '', tier = '', day = '', metric = '', level = ''] = key.split('|');
  return { district_code, tier, day, metric, level, delta };
}
