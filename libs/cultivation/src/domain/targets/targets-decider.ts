// Targets as a tiny decider: one target per tier or group (a progress row is per tier), the latest wins.
import type { Decider } from '../decider';
import type { DecisionContext } from '../enterprise/commands';
import { InvalidInput } from '../errors';
import type { Envelope } from '../events/envelope';
import { isOneOf, TARGET_METRICS, type CertificationLevel, type TargetMetric, type Tier } from '../policy/vocabulary';
import { levelsOn } from '../policy/policy';
import { parseCalendarDate, type CalendarDate } from '../shared/calendar-date';
import { parseTier } from '../enterprise/input';
import { parseDistrictCode } from '../shared/districts';
import { DEFAULT_TARGETS, targetKey, type TargetSpec, type TargetsEvent } from './targets-events';

export type SetTarget = {
  type: 'SetTarget';
  data: {
    tier: Tier;
    level?: CertificationLevel | null;
    target: number;
    metric: TargetMetric;
    deadline: string;
    /** A district's own target; absent or null: the city's. */
    district?: string | null;
  };
};
export type TargetsCommand = SetTarget;

export interface TargetsState {
  readonly targets: readonly TargetSpec[];
}

/** The defaults, before any TargetSet. */
export function initialTargetsState(): TargetsState {
  return { targets: DEFAULT_TARGETS };
}

/** Replaces the target of the tier for the same city or district with the one set. */
export function evolveTargets(state: TargetsState, { event }: Envelope<TargetsEvent>): TargetsState {
  const key = targetKey(event.data.tier, event.data.district);
  const rest = state.targets.filter((t) => targetKey(t.tier, t.district) !== key);
  return { targets: [...rest, event.data] };
}

/** A target's level: one the tier (for a group: any member) is certified at. */
function parseTargetLevel(tier: Tier, value: unknown, today: CalendarDate): CertificationLevel {
  const levels = levelsOn(tier, today);
  if (isOneOf(levels, value)) return value;
  throw new InvalidInput(
    'LEVEL_NOT_ALLOWED',
    'level',
    `${tier} is certified at ${levels.join(' or ')}, not ${String(value)}`,
  );
}

/** Validates a SetTarget command; the level must be one the tier is certified at. */
export function decideTargets({ data }: TargetsCommand, _state: TargetsState, ctx: DecisionContext): TargetsEvent[] {
  const tier = parseTier(data.tier);
  const level = data.level == null ? undefined : parseTargetLevel(tier, data.level, ctx.today);
  if (!Number.isInteger(data.target) || data.target < 0) {
    throw new InvalidInput('TARGET_NOT_NON_NEGATIVE_INTEGER', 'target', 'target must be an integer ≥ 0');
  }
  if (!isOneOf(TARGET_METRICS, data.metric)) {
    throw new InvalidInput('METRIC_UNKNOWN', 'metric', `metric must be ${TARGET_METRICS.join(' or ')}`);
  }
  const deadline = parseCalendarDate(data.deadline, 'deadline');
  const district = data.district == null ? undefined : parseDistrictCode(data.district, 'district');
  const spec: TargetSpec = {
    tier,
    ...(level ? { level } : {}),
    target: data.target,
    metric: data.metric,
    deadline,
    ...(district ? { district } : {}),
  };
  return [{ type: 'TargetSet', data: spec }];
}

/** The target in force for a tier, the city's or (with `district`) that district's own, if any. */
export function targetFor(state: TargetsState, tier: Tier, district?: string | null): TargetSpec | undefined {
  const key = targetKey(tier, district);
  return state.targets.find((t) => targetKey(t.tier, t.district) === key);
}

/** The targets decider as one value. */
export const targetsDecider: Decider<TargetsState, TargetsCommand, TargetsEvent, DecisionContext> = {
  decide: decideTargets,
  evolve: evolveTargets,
  initialState: initialTargetsState,
};
