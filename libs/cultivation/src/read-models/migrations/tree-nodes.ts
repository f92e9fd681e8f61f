// The SQL that turns daily deltas into count-tree nodes (projection/count-tree.ts), shared by the
// migrations that move daily tables into the tree. Day i = date − 1999-12-31 lies in node m·2^k for
// each level k where m = ⌈i / 2^k⌉ is odd, so each node sums the deltas of its days exactly.

/**
 * A SELECT of (district_code, node, tier, metric, level, total) from `daily`, a relation with columns
 * district_code, tier, metric, level, day, delta; nodes summing to 0 left out, rows in key order.
 */
export function treeNodesFrom(daily: string): string {
  return `SELECT district_code, m << k AS node, tier, metric, level, sum(delta) AS total
    FROM (SELECT c.district_code, c.tier, c.metric, c.level, c.delta, k,
                 (greatest(1, c.day - date '1999-12-31') + (1 << k) - 1) >> k AS m
          FROM ${daily} c CROSS JOIN generate_series(0, 16) AS k) x
    WHERE m & 1 = 1 AND m << k <= 65536
    GROUP BY district_code, m << k, tier, metric, level HAVING sum(delta) <> 0
    ORDER BY district_code, m << k, tier, metric, level`;
}
