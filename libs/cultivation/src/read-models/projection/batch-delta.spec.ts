// Merging the deltas of a parallel rebuild's workers: a delta received as a structured clone (what a worker
// thread posts back) and merged into another gives the same tree rows as one delta that saw everything.
import type { CalendarDate, CountingSegment, Occurrence } from '../../domain';
import { BatchDelta, mergeDeltas } from './batch-delta';

const day = (d: string) => d as CalendarDate;
const segment = (districtCode: string, from: string, until: string | null): CountingSegment => ({
  metric: 'ACTIVE',
  tier: 'TECH_SME',
  level: 'ANY',
  districtCode,
  from: day(from),
  until: until === null ? null : day(until),
});
const granted = (districtCode: string, on: string): Occurrence => ({
  kind: 'GRANTED',
  tier: 'TECH_SME',
  districtCode,
  on: day(on),
});

it('merges a cloned delta into another as if one delta had seen both', () => {
  const first = {
    segments: [segment('120101', '2024-01-01', '2025-01-01')],
    occurrences: [granted('120101', '2024-01-01')],
  };
  const second = {
    // The same series and day as the first (sums add), a retraction (−1), and a district only here.
    segments: [segment('120101', '2024-01-01', null), segment('120116', '2023-05-02', '2024-01-01')],
    occurrences: [granted('120101', '2024-01-01'), granted('120116', '2023-05-02')],
  };
  const whole = new BatchDelta();
  const a = new BatchDelta();
  const b = new BatchDelta();
  for (const [delta, part] of [
    [whole, first],
    [whole, second],
    [a, first],
    [b, second],
  ] as const) {
    delta.addSegments(part.segments, 1);
    delta.addOccurrences(part.occurrences, 1);
  }
  whole.addSegments([segment('120116', '2023-05-02', '2024-01-01')], -1);
  b.addSegments([segment('120116', '2023-05-02', '2024-01-01')], -1);

  mergeDeltas(a, structuredClone(b));
  expect(a.treeRows()).toEqual(whole.treeRows());
  expect(a.treeRows().length).toBeGreaterThan(0);
  expect(a.treeRows().some((r) => r.district_code === '120116')).toBe(true); // occurrences of the district only in b
});
