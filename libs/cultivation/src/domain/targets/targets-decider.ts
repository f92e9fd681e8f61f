// Targets as a tiny decider: one target per tier (a progress row is per tier), the latest wins.
import type { Decider } from '../decider';
import type { DecisionContext } from '../enterprise/commands';
import { InvalidInput } from '../errors';
import type { Envelope } from '../events/envelope';
import { isOneOf, TARGET_METRICS, type CertificationLevel, type TargetMetric, type Tier } from '../policy/vocabulary';
import { tierPolicyOn } from '../policy/policy';
import { parseCalendarDate } from '../shared/calendar-date';
import { parseLevel, parseTier } from '../enterprise/input';
import { DEFAULT_TARGETS, type TargetSpec, type TargetsEvent } from './targets-events';

export type SetTarget = {
  type: 'SetTarget';
  data: { tier: Tier; level?: CertificationLevel | null; target: number; metric: TargetMetric; deadline: string };
};
export type TargetsCommand = SetTarget;

export interface TargetsState {
  readonly targets: readonly TargetSpec[];
}

/** The defaults, before any TargetSet. */
export function initialTargetsState(): TargetsState {
  return { targets: DEFAULT_TARGETS };
}

/** Replaces the tier's target with the one set. */
export function evolveTargets(state: TargetsState, { event }: Envelope<TargetsEvent>): TargetsState {
  const rest = state.targets.filter((t) => t.tier !== event.data.tier);
  return { targets: [...rest, event.data] };
}

/** Validates a SetTarget command; the level must be one the tier is certified at. */
export function decideTargets({ data }: TargetsCommand, _state: TargetsState, ctx: DecisionContext): TargetsEvent[] {
  const tier = parseTier(data.tier);
  const level = data.level == null ? undefined : parseLevel(tierPolicyOn(tier, ctx.today), data.level);
  if (!Number.isInteger(data.target) || data.target < 0) {
    throw new InvalidInput('TARGET_NOT_NON_NEGATIVE_INTEGER', 'target', 'target must be an integer ≥ 0');
  }
  if (!isOneOf(TARGET_METRICS, data.metric)) {
    throw new InvalidInput('METRIC_UNKNOWN', 'metric', `metric must be ${TARGET_METRICS.join(' or ')}`);
  }
  const deadline = parseCalendarDate(data.deadline, 'deadline');
  const spec: TargetSpec = { tier, ...(level ? { level } : {}), target: data.target, metric: data.metric, deadline };
  return [{ type: 'TargetSet', data: spec }];
}

/** The target in force for a tier, if any. */
export function targetFor(state: TargetsState, tier: Tier): TargetSpec | undefined {
  return state.targets.find((t) => t.tier === tier);
}

/** The targets decider as one value. */
export const targetsDecider: Decider<TargetsState, TargetsCommand, TargetsEvent, DecisionContext> = {
  decide: decideTargets,
  evolve: evolveTargets,
  initialState: initialTargetsState,
};
