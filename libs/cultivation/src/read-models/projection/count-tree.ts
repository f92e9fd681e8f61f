// Running totals of the daily count deltas as a Fenwick tree (binary indexed tree) over days. Day i
// (1 = 2000-01-01, the ledger's earliest effective date) has a delta a[i]; node n holds the sum of
// a over the days (n − lowbit(n), n], lowbit(n) being n's lowest set bit. Then:
//   the count on day x = a[1] + … + a[x] = Σ node over the ≤ 16 nodes x, x − lowbit(x), … > 0;
//   a delta on day x changes the ≤ 16 nodes x, x + lowbit(x), … ≤ TREE_DAYS.
// Both bounds hold whatever the number of enterprises or the length of history: a count reads at most
// 16 rows per (district, tier, metric, level), and a delta writes at most 16.
import { type CalendarDate, toEpochDay } from '../../domain';

/** Day 0 of the tree: the day before the ledger's earliest effective date. */
const ORIGIN = toEpochDay('1999-12-31' as CalendarDate);
/** Days covered: 2^16, from 2000-01-01 to 2179-06-06; node TREE_DAYS holds the sum of them all. */
export const TREE_DAYS = 2 ** 16;

const lowbit = (n: number) => n & -n;

/**
 * The tree's index of a day. A day before 2000-01-01 (the ledger refuses them, but events recorded
 * before that rule might hold one) is counted as on 2000-01-01; a day after the tree's last one
 * cannot be stored, and refusing it beats miscounting silently (no validity reaches that far).
 */
export function treeDay(day: string): number {
  const index = toEpochDay(day as CalendarDate) - ORIGIN;
  if (index > TREE_DAYS) throw new RangeError(`count date ${day} is after the last day the counts can hold`);
  return Math.max(1, index);
}

/** The nodes whose sum is the count on `day` (none before 2000-01-01; every day after the last is the last). */
export function prefixNodes(day: string): number[] {
  const nodes: number[] = [];
  const index = Math.min(toEpochDay(day as CalendarDate) - ORIGIN, TREE_DAYS);
  for (let n = index; n > 0; n -= lowbit(n)) nodes.push(n);
  return nodes;
}

/** Above this many days in one series a dense array beats a map (rebuilds sum whole histories). */
const DENSE_FROM = 512;
let dense: Float64Array | null = null;

/**
 * The node sums of one series of daily deltas (day → delta), nodes whose sum is 0 left out: each
 * delta added along its update path, or, for long series, the tree built in one linear pass.
 */
export function nodeSums(days: ReadonlyMap<string, number>): Map<number, number> {
  const sums = new Map<number, number>();
  if (days.size < DENSE_FROM) {
    for (const [day, delta] of days) {
      if (delta === 0) continue;
      for (let n = treeDay(day); n <= TREE_DAYS; n += lowbit(n)) sums.set(n, (sums.get(n) ?? 0) + delta);
    }
    for (const [n, sum] of sums) if (sum === 0) sums.delete(n);
    return sums;
  }
  const tree = (dense ??= new Float64Array(TREE_DAYS + 1));
  for (const [day, delta] of days) tree[treeDay(day)]! += delta;
  for (let n = 1; n <= TREE_DAYS; n++) {
    const sum = tree[n]!;
    if (sum === 0) continue;
    const parent = n + lowbit(n);
    if (parent <= TREE_DAYS) tree[parent]! += sum;
    sums.set(n, sum);
    tree[n] = 0;
  }
  return sums;
}
