// Stream `targets`: the plan's numeric targets, changeable by a municipal official: the city's, and a district's
// own (a district without one of its own is never measured against the city's).
import type { CalendarDate } from '../shared/calendar-date';
import type { CertificationLevel, TargetMetric, Tier } from '../policy/vocabulary';

/** One tier's target; with a level it counts only grants of that level. */
export interface TargetSpec {
  tier: Tier;
  level?: CertificationLevel;
  target: number;
  metric: TargetMetric;
  deadline: CalendarDate;
  /** A district's own target (its code); absent: the city's. */
  district?: string;
}

/** The key of a target in force: its tier and whose it is (the city's, or a district's). */
export function targetKey(tier: Tier, district: string | null | undefined): string {
  return district ? `${tier}@${district}` : tier;
}

export type TargetSet = { type: 'TargetSet'; data: TargetSpec };
export type TargetsEvent = TargetSet;
export type TargetsEventType = TargetsEvent['type'];

/** The single stream holding target changes. */
export const TARGETS_STREAM = 'targets';

const DEADLINE = '2027-12-31' as CalendarDate;

/** The plan's targets (DOMAIN.md, "Targets"), in force until a TargetSet replaces one. */
export const DEFAULT_TARGETS: readonly TargetSpec[] = [
  { tier: 'TECH_SME', target: 15000, metric: 'ACTIVE', deadline: DEADLINE },
  { tier: 'INNOVATIVE_SME', target: 8000, metric: 'CUMULATIVE', deadline: DEADLINE },
  { tier: 'SRDI_SME', target: 4000, metric: 'CUMULATIVE', deadline: DEADLINE },
  { tier: 'SINGLE_CHAMPION', level: 'MUNICIPAL', target: 200, metric: 'CUMULATIVE', deadline: DEADLINE },
];
