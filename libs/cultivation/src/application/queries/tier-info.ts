import { districtByCode, tierPolicyOn, type CalendarDate, type Tier } from '../../domain';
import type { DistrictInfo, TierInfo } from './contract-types';

/** The contract's TierInfo from the policy in force on `on`. */
export function tierInfo(tier: Tier, on: CalendarDate): TierInfo {
  const { ladder, rung, nameZh, nameEn } = tierPolicyOn(tier, on);
  return { tier, ladder, rung, nameZh, nameEn };
}

/** The contract's District for a code (an unknown code is shown as itself). */
export function districtInfo(code: string): DistrictInfo {
  const d = districtByCode(code);
  return d ? { code: d.code, name: d.name } : { code, name: code };
}
