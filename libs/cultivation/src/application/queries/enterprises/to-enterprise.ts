import {
  certificationsOf,
  enterpriseView,
  positionsOf,
  type CalendarDate,
  type CertificationView,
  type EnterpriseState,
} from '../../../domain';
import type { Certification, Enterprise } from '../contract-types';

/** The contract's Certification (the view's internal ids left out). */
export function toCertification(view: CertificationView): Certification {
  const { tier, level, certificateNo, grantedOn, validUntil, endedOn, state, batch } = view;
  return { tier, level, certificateNo, grantedOn, validUntil, endedOn, state, batch };
}

/** The contract's Enterprise from a stored state snapshot, as seen on `today`. */
export function toEnterprise(state: EnterpriseState, version: number, today: CalendarDate): Enterprise | null {
  const view = enterpriseView(state, today);
  if (!view) return null;
  return {
    creditCode: view.creditCode,
    name: view.name,
    formerNames: [...view.formerNames],
    district: { code: view.district.code, name: view.district.name },
    industryCode: view.industryCode,
    deregisteredOn: view.deregisteredOn,
    certifications: certificationsOf(state, today).map(toCertification),
    positions: positionsOf(state, today).map(({ ladder, tier, rung }) => ({ ladder, tier, rung })),
    version,
  };
}
