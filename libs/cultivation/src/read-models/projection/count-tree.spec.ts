// The count tree must give, on every day, exactly the sum of the deltas up to that day: whatever the
// days, signs and sizes of the deltas, and on both of nodeSums' paths (a map for short series, one
// linear pass over a dense array for long ones).
import fc from 'fast-check';
import { addDays, type CalendarDate, compareDates, type CountingSegment } from '../../domain';
import { BatchDelta } from './batch-delta';
import { nodeSums, prefixNodes, TREE_DAYS, treeDay } from './count-tree';

const day = (offset: number) => addDays('2000-01-01' as CalendarDate, offset);
/** The count on `on` read from node sums, as readCounts does in SQL. */
const countOn = (sums: Map<number, number>, on: CalendarDate) =>
  prefixNodes(on).reduce((total, node) => total + (sums.get(node) ?? 0), 0);
/** The count on `on` by definition: every delta dated on or before it. */
const naive = (deltas: [CalendarDate, number][], on: CalendarDate) =>
  deltas.reduce((total, [d, delta]) => (compareDates(d, on) <= 0 ? total + delta : total), 0);

describe('count tree', () => {
  const deltas = (maxLength: number) =>
    fc.array(fc.tuple(fc.integer({ min: 0, max: 70 * 366 }).map(day), fc.integer({ min: -3, max: 3 })), {
      maxLength,
    });
  const queried = fc.array(fc.integer({ min: -30, max: TREE_DAYS + 30 }).map(day), { minLength: 1, maxLength: 20 });

  it.each([
    ['a few deltas (map path)', 40],
    ['long histories (dense path)', 3_000],
  ])('counts every day as the sum of the deltas up to it: %s', (_, maxLength) => {
    fc.assert(
      fc.property(deltas(maxLength), queried, (list, days) => {
        const series = new Map<string, number>();
        for (const [d, delta] of list) series.set(d, (series.get(d) ?? 0) + delta);
        const sums = nodeSums(series);
        for (const on of days) expect(countOn(sums, on)).toBe(naive(list, on));
        expect([...sums.values()]).not.toContain(0);
      }),
      { numRuns: maxLength > 100 ? 25 : 200 },
    );
  });

  it('reads at most 16 nodes for any day and counts nothing before 2000-01-01', () => {
    expect(Math.max(...[0, 1, 4_094, 9_830, 40_000, TREE_DAYS - 2].map((o) => prefixNodes(day(o)).length))).toBe(16);
    expect(prefixNodes('1999-12-31')).toEqual([]);
    expect(prefixNodes('2300-01-01')).toEqual([TREE_DAYS]);
  });

  it('refuses a delta after the last day it can hold rather than miscount', () => {
    expect(treeDay(day(TREE_DAYS - 1))).toBe(TREE_DAYS);
    expect(() => treeDay(day(TREE_DAYS))).toThrow(/after the last day the counts can hold/);
  });

  it('a batch that adds and removes the same segment changes no node', () => {
    const delta = new BatchDelta();
    const segment: CountingSegment = {
      tier: 'TECH_SME',
      metric: 'ACTIVE',
      level: 'ANY',
      districtCode: '120101',
      from: '2024-05-01' as CalendarDate,
      until: '2027-04-30' as CalendarDate,
    };
    delta.addSegments([segment], 1);
    expect(delta.treeRows().length).toBeGreaterThan(0);
    delta.addSegments([segment], -1);
    expect(delta.treeRows()).toEqual([]);
  });
});
