import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emptyForReplay } from './empty-for-replay';
import { treeNodesFrom } from './tree-nodes';

/**
 * Moves the daily occurrences (occurrence_daily: grants, renewals and ends per district, tier and day,
 * which a trend summed over every day of its periods: thousands of rows at a million enterprises) into
 * the count tree as three more metrics, GRANTED, RENEWED and ENDED (level ANY): a series' prefix sum is
 * how many happened up to a day, so a period reads ≤ 16 nodes at each end whatever the cohort size.
 * Existing rows are converted exactly, in SQL (tree-nodes.ts), and the checkpoint says projection
 * version 3 (no rebuild needed).
 */
export class OccurrencesInCountTree1796140800000 implements MigrationInterface {
  name = 'OccurrencesInCountTree1796140800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO read_model.count_tree (district_code, node, tier, metric, level, total)
      ${treeNodesFrom(`(SELECT o.district_code, o.tier, v.metric, 'ANY' AS level, o.day, v.delta
        FROM read_model.occurrence_daily o
        CROSS JOIN LATERAL (VALUES ('GRANTED', o.granted), ('RENEWED', o.renewed), ('ENDED', o.ended)) AS v(metric, delta)
        WHERE v.delta <> 0)`)}`);
    await q.query('DROP TABLE read_model.occurrence_daily');
    await q.query('UPDATE read_model.projection_checkpoint SET projection_version = 3 WHERE projection_version = 2');
  }

  async down(q: QueryRunner): Promise<void> {
    // The previous release derives occurrence_daily itself: the table is recreated empty and the read
    // models emptied, so its projector replays the log into them.
    await q.query(`CREATE TABLE read_model.occurrence_daily (
      district_code text NOT NULL, tier text NOT NULL, day date NOT NULL,
      granted integer NOT NULL, renewed integer NOT NULL, ended integer NOT NULL, PRIMARY KEY (district_code, tier, day))`);
    await emptyForReplay(q, 2);
  }
}
