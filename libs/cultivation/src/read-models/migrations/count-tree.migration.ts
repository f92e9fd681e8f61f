import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emptyForReplay } from './empty-for-replay';
import { treeNodesFrom } from './tree-nodes';

/**
 * Replaces the daily and monthly count deltas (count_daily, count_monthly: a count re-summed every
 * month since the start of history) with their running totals as a Fenwick tree over days,
 * `count_tree` (projection/count-tree.ts: a count reads ≤ 16 nodes per series, a delta writes ≤ 16).
 * Existing rows are converted exactly, in SQL (tree-nodes.ts). The read models then
 * are what projection version 2 derives, and the checkpoint says so (no rebuild needed). Rows are
 * written in key order and pages keep a fifth free, so a count's ≤ 16 nodes of a district share a few
 * heap pages and the projector's updates stay on their page (HOT).
 */
export class CountTree1796124435000 implements MigrationInterface {
  name = 'CountTree1796124435000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE read_model.count_tree (
      district_code text NOT NULL, node integer NOT NULL, tier text NOT NULL, metric text NOT NULL,
      level text NOT NULL, total integer NOT NULL, PRIMARY KEY (district_code, node, tier, metric, level))
      WITH (fillfactor = 80)`);
    await q.query(`INSERT INTO read_model.count_tree (district_code, node, tier, metric, level, total)
      ${treeNodesFrom('read_model.count_daily')}`);
    await q.query('DROP TABLE read_model.count_daily, read_model.count_monthly');
    await q.query('UPDATE read_model.projection_checkpoint SET projection_version = 2 WHERE projection_version = 1');
  }

  async down(q: QueryRunner): Promise<void> {
    // The previous release derives the old tables itself: they are recreated empty and the read models
    // emptied, so its projector replays the log into them.
    for (const [table, day] of [
      ['count_daily', 'day'],
      ['count_monthly', 'month'],
    ] as const) {
      await q.query(`CREATE TABLE read_model.${table} (
        district_code text NOT NULL, tier text NOT NULL, ${day} date NOT NULL, metric text NOT NULL, level text NOT NULL,
        delta integer NOT NULL, PRIMARY KEY (district_code, tier, ${day}, metric, level))`);
    }
    await q.query('DROP TABLE read_model.count_tree');
    await emptyForReplay(q, 1);
  }
}
