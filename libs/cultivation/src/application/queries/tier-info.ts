import { districtByCode, tierEntryOn, type CalendarDate, type Tier, type TierEntry } from '../../domain';
import type { DistrictInfo, TierInfo } from './contract-types';

/** The contract's TierInfo of a catalogue entry. */
export function toTierInfo({ tier, ladder, rung, nameZh, nameEn, grantable, members }: TierEntry): TierInfo {
  return { tier, ladder, rung, nameZh, nameEn, grantable, members: [...members] };
}

/** The contract's TierInfo from the policy in force on `on` (a group before its version: as it was introduced). */
export function tierInfo(tier: Tier, on: CalendarDate): TierInfo {
  return toTierInfo(tierEntryOn(tier, on));
}

/** The contract's District for a code (an unknown code is shown as itself). */
export function districtInfo(code: string): DistrictInfo {
  const d = districtByCode(code);
  return d ? { code: d.code, name: d.name } : { code, name: code };
}
