import {
  DEFAULT_TARGETS,
  targetKey,
  type CalendarDate,
  type CertificationLevel,
  type TargetMetric,
  type TargetSpec,
  type Tier,
} from '../../domain';
import { LIVE_SCHEMA, qualified } from '../schema';
import type { Sql } from '../projection/sql';

/** Targets in force by targetKey (tier, and district for a district's own): TargetSet rows over the plan's defaults. */
export async function readTargets(sql: Sql): Promise<Map<string, TargetSpec>> {
  const rows: {
    tier: Tier;
    level: CertificationLevel | null;
    target: number;
    metric: TargetMetric;
    deadline: CalendarDate;
    district: string;
  }[] = await sql.query(
    `SELECT tier, level, target, metric, deadline::text AS deadline, district FROM ${qualified(LIVE_SCHEMA, 'targets')}`,
  );
  const targets = new Map<string, TargetSpec>(DEFAULT_TARGETS.map((t) => [targetKey(t.tier, null), t]));
  for (const { level, district, ...r } of rows) {
    targets.set(targetKey(r.tier, district), { ...r, ...(level ? { level } : {}), ...(district ? { district } : {}) });
  }
  return targets;
}
