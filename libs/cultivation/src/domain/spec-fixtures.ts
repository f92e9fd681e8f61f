// Builders for domain specs: short, valid events and commands so each spec shows only what matters.
// (Pure code; kept out of index.ts because only specs use it.)
import type { CalendarDate } from './shared/calendar-date';
import type { CertificationLevel, Tier } from './policy/vocabulary';
import type { EnterpriseEvent } from './events/enterprise-events';
import type { EnterpriseCommand } from './enterprise/commands';

export const CODE = '91110000710925462X';
export const HEPING = '120101';
export const BINHAI = '120116';
export const d = (s: string) => s as CalendarDate;

export const registered = (districtCode = HEPING): EnterpriseEvent => ({
  type: 'EnterpriseRegistered',
  data: { creditCode: CODE, name: '天津示例科技有限公司', districtCode },
});

export const granted = (
  tier: Tier,
  grantedOn: string,
  validUntil: string,
  more: { level?: CertificationLevel; skippedPrerequisites?: Tier[]; certificateNo?: string } = {},
): EnterpriseEvent => ({
  type: 'CertificationGranted',
  data: {
    tier,
    level: more.level ?? (tier === 'LITTLE_GIANT' ? 'NATIONAL' : 'MUNICIPAL'),
    ...(more.certificateNo ? { certificateNo: more.certificateNo } : {}),
    grantedOn: d(grantedOn),
    validUntil: d(validUntil),
    skippedPrerequisites: more.skippedPrerequisites ?? [],
  },
});

export const renewed = (tier: Tier, renewedOn: string, validUntil: string): EnterpriseEvent => ({
  type: 'CertificationRenewed',
  data: { tier, renewedOn: d(renewedOn), validUntil: d(validUntil) },
});

export const revoked = (tier: Tier, revokedOn: string): EnterpriseEvent => ({
  type: 'CertificationRevoked',
  data: { tier, revokedOn: d(revokedOn), reason: 'FAILED_REVIEW' },
});

export const lapsed = (tier: Tier, lapsedOn: string): EnterpriseEvent => ({
  type: 'CertificationLapsed',
  data: { tier, lapsedOn: d(lapsedOn) },
});

export const retracted = (tier: Tier, retractedEventId: string): EnterpriseEvent => ({
  type: 'CertificationRetracted',
  data: { tier, retractedEventId, reason: 'entered in error' },
});

export const relocated = (from: string, to: string, effectiveOn: string): EnterpriseEvent => ({
  type: 'EnterpriseRelocated',
  data: { fromDistrictCode: from, toDistrictCode: to, effectiveOn: d(effectiveOn) },
});

export const deregistered = (effectiveOn: string): EnterpriseEvent => ({
  type: 'EnterpriseDeregistered',
  data: { effectiveOn: d(effectiveOn), reason: 'dissolved' },
});

export const grant = (
  tier: Tier,
  grantedOn: string,
  more: Partial<Extract<EnterpriseCommand, { type: 'GrantCertification' }>['data']> = {},
): EnterpriseCommand => ({
  type: 'GrantCertification',
  data: { tier, grantedOn, ...more },
});

/** Wraps events with ids e1, e2, … so specs can refer to them. */
export const withIds = (events: EnterpriseEvent[]) => events.map((event, i) => ({ eventId: `e${i + 1}`, event }));
