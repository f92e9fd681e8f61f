import {
  DEFAULT_TARGETS,
  type CalendarDate,
  type CertificationLevel,
  type TargetMetric,
  type TargetSpec,
  type Tier,
} from '../../domain';
import { LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';

/** Targets in force per tier: TargetSet rows over the plan's defaults. */
export async function readTargets(sql: Sql): Promise<Map<Tier, TargetSpec>> {
  const rows: {
    tier: Tier;
    level: CertificationLevel | null;
    target: number;
    metric: TargetMetric;
    deadline: CalendarDate;
  }[] = await sql.query(
    `SELECT tier, level, target, metric, deadline::text AS deadline FROM ${qualified(LIVE_SCHEMA, 'targets')}`,
  );
  const targets = new Map<Tier, TargetSpec>(DEFAULT_TARGETS.map((t) => [t.tier, t]));
  for (const { level, ...r } of rows) targets.set(r.tier, { ...r, ...(level ? { level } : {}) });
  return targets;
}
