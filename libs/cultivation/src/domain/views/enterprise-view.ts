// The Enterprise as GraphQL shows it, derived from state alone.
import type { CalendarDate } from '../shared/calendar-date';
import { districtByCode, type District } from '../shared/districts';
import { currentDistrict, type EnterpriseState } from '../enterprise/state';
import { certificationsOf, type CertificationView } from './certifications';
import { positionsOf, type LadderPosition } from './positions';

export interface EnterpriseView {
  readonly creditCode: string;
  readonly name: string;
  /** Oldest first. */
  readonly formerNames: readonly string[];
  readonly district: District;
  readonly industryCode: string | null;
  readonly deregisteredOn: CalendarDate | null;
  readonly certifications: CertificationView[];
  readonly positions: LadderPosition[];
}

/** The enterprise as seen on `today`, or null before registration. */
export function enterpriseView(state: EnterpriseState, today: CalendarDate): EnterpriseView | null {
  if (state.status === 'UNREGISTERED') return null;
  const code = currentDistrict(state);
  return {
    creditCode: state.creditCode,
    name: state.name,
    formerNames: state.formerNames ?? [],
    district: districtByCode(code) ?? { code, name: code },
    industryCode: state.industryCode ?? null,
    deregisteredOn: state.status === 'DEREGISTERED' ? state.deregisteredOn : null,
    certifications: certificationsOf(state, today),
    positions: positionsOf(state, today),
  };
}
