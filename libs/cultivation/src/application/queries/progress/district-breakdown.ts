import { DISTRICTS, type CalendarDate, type Tier } from '../../../domain';
import type { DistrictCount } from '../contract-types';
import { CountLookup } from '../../../read-models';
import type { CountReader } from '../as-known-at/counts-known-at';

/** Active and cumulative counts of a tier (all levels) in each of the sixteen districts on `asOf`. */
export async function districtBreakdown(read: CountReader, tier: Tier, asOf: CalendarDate): Promise<DistrictCount[]> {
  const codes = DISTRICTS.map((d) => d.code);
  const counts = new CountLookup(await read({ dates: [asOf], districts: codes, tier, level: 'ANY' }));
  return DISTRICTS.map((d) => ({
    district: { code: d.code, name: d.name },
    active: counts.get(asOf, d.code, 'ACTIVE', tier),
    cumulative: counts.get(asOf, d.code, 'CUMULATIVE', tier),
  }));
}
