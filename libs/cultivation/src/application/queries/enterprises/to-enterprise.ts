// The one mapper from domain state to the contract's Enterprise and Certification: queries, command
// results and the audit snapshot all show an enterprise through it.
import { enterpriseView, type CalendarDate, type CertificationView, type EnterpriseState } from '../../../domain';
import type { Certification, Enterprise } from '../contract-types';

/** The contract's Certification: the grant's event id and its live renewals (each with its event id). */
export function toCertification(view: CertificationView): Certification {
  const { eventId, tier, level, certificateNo, grantedOn, validUntil, endedOn, state, batch } = view;
  const renewals = view.renewals.map((r) => ({ ...r }));
  return { eventId, tier, level, certificateNo, grantedOn, validUntil, endedOn, state, batch, renewals };
}

/** The contract's Enterprise from a state (stored snapshot or folded stream), as seen on `today`. */
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
    certifications: view.certifications.map(toCertification),
    positions: view.positions.map(({ ladder, tier, rung }) => ({ ladder, tier, rung })),
    version,
  };
}
