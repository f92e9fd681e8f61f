// Registration, renaming, relocation and deregistration of the enterprise itself.
import { Conflict, RuleViolation } from '../errors';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { parseCreditCode } from '../shared/credit-code';
import { parseDistrictCode } from '../shared/districts';
import type {
  DecisionContext,
  DeregisterEnterprise,
  RegisterEnterprise,
  RelocateEnterprise,
  RenameEnterprise,
} from './commands';
import { lastDateOverall, requireActive, requireNotBefore } from './guards';
import { effectiveDate, enterpriseName, optionalText, requiredText } from './input';
import { TEXT_LIMITS } from './text-limits';
import { currentDistrict, type EnterpriseState } from './state';

/** RegisterEnterprise: only on an empty stream. */
export function decideRegister({ data }: RegisterEnterprise, state: EnterpriseState): EnterpriseEvent[] {
  const creditCode = parseCreditCode(data.creditCode, 'creditCode');
  if (state.status !== 'UNREGISTERED') {
    throw new Conflict('ENTERPRISE_ALREADY_REGISTERED', 'creditCode', `${creditCode} is already registered`);
  }
  const name = enterpriseName(data.name, 'name', TEXT_LIMITS.name);
  const districtCode = parseDistrictCode(data.district, 'district');
  const industryCode = optionalText(data.industryCode, 'industryCode', TEXT_LIMITS.industryCode);
  const event = { creditCode, name, districtCode, ...(industryCode ? { industryCode } : {}) };
  return [{ type: 'EnterpriseRegistered', data: event }];
}

/** RenameEnterprise: names change in effective-date order; the name it already has writes nothing. */
export function decideRename(
  { data }: RenameEnterprise,
  state: EnterpriseState,
  ctx: DecisionContext,
): EnterpriseEvent[] {
  const s = requireActive(state);
  const name = enterpriseName(data.name, 'name', TEXT_LIMITS.name);
  const effectiveOn = effectiveDate(data.effectiveOn, 'effectiveOn', ctx);
  if (name === s.name) return [];
  requireNotBefore(effectiveOn, s.renamedOn, 'effectiveOn', 'rename');
  return [{ type: 'EnterpriseRenamed', data: { name, effectiveOn } }];
}

/** RelocateEnterprise: to another known district, in effective-date order. */
export function decideRelocate(
  { data }: RelocateEnterprise,
  state: EnterpriseState,
  ctx: DecisionContext,
): EnterpriseEvent[] {
  const s = requireActive(state);
  const toDistrictCode = parseDistrictCode(data.toDistrict, 'toDistrict');
  const effectiveOn = effectiveDate(data.effectiveOn, 'effectiveOn', ctx);
  const fromDistrictCode = currentDistrict(s);
  if (toDistrictCode === fromDistrictCode) {
    throw new RuleViolation('RELOCATION_SAME_DISTRICT', 'toDistrict', `the enterprise is already in ${toDistrictCode}`);
  }
  requireNotBefore(effectiveOn, s.locations.at(-1)?.from ?? null, 'effectiveOn', 'relocation');
  return [{ type: 'EnterpriseRelocated', data: { fromDistrictCode, toDistrictCode, effectiveOn } }];
}

/** DeregisterEnterprise: ends every counting grant that day; must not precede any recorded fact. */
export function decideDeregister(
  { data }: DeregisterEnterprise,
  state: EnterpriseState,
  ctx: DecisionContext,
): EnterpriseEvent[] {
  const s = requireActive(state);
  const effectiveOn = effectiveDate(data.effectiveOn, 'effectiveOn', ctx);
  const reason = requiredText(data.reason, 'reason', 'REASON_REQUIRED', TEXT_LIMITS.reason);
  requireNotBefore(effectiveOn, lastDateOverall(s), 'effectiveOn', 'recorded');
  return [{ type: 'EnterpriseDeregistered', data: { effectiveOn, reason } }];
}
