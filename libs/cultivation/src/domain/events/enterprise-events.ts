// Stream `enterprise-<creditCode>`: the closed union of facts about one enterprise. The `type`
// strings are the stored names; they never change, whatever the code around them is called.
import type { CalendarDate } from '../shared/calendar-date';
import type { CertificationLevel, RevocationReason, Tier } from '../policy/vocabulary';

export type EnterpriseRegistered = {
  type: 'EnterpriseRegistered';
  data: { creditCode: string; name: string; districtCode: string; industryCode?: string };
};
export type EnterpriseRenamed = { type: 'EnterpriseRenamed'; data: { name: string; effectiveOn: CalendarDate } };
export type EnterpriseRelocated = {
  type: 'EnterpriseRelocated';
  data: { fromDistrictCode: string; toDistrictCode: string; effectiveOn: CalendarDate };
};
export type EnterpriseDeregistered = {
  type: 'EnterpriseDeregistered';
  data: { effectiveOn: CalendarDate; reason: string };
};
export type CertificationGranted = {
  type: 'CertificationGranted';
  data: {
    tier: Tier;
    level: CertificationLevel;
    certificateNo?: string;
    grantedOn: CalendarDate;
    validUntil: CalendarDate;
    batch?: string;
    /** RECORD-mode prerequisites not held on grantedOn. */
    skippedPrerequisites: Tier[];
  };
};
export type CertificationRenewed = {
  type: 'CertificationRenewed';
  data: { tier: Tier; certificateNo?: string; renewedOn: CalendarDate; validUntil: CalendarDate };
};
export type CertificationRevoked = {
  type: 'CertificationRevoked';
  data: { tier: Tier; revokedOn: CalendarDate; reason: RevocationReason; note?: string };
};
export type CertificationLapsed = { type: 'CertificationLapsed'; data: { tier: Tier; lapsedOn: CalendarDate } };
export type CertificationRetracted = {
  type: 'CertificationRetracted';
  data: { tier: Tier; retractedEventId: string; reason: string };
};

/** The enterprise's yearly information update for `year` was submitted on `submittedOn` (DOMAIN.md, Yearly duties). */
export type AnnualUpdateRecorded = { type: 'AnnualUpdateRecorded'; data: { year: number; submittedOn: CalendarDate } };

export type EnterpriseEvent =
  | EnterpriseRegistered
  | EnterpriseRenamed
  | EnterpriseRelocated
  | EnterpriseDeregistered
  | CertificationGranted
  | CertificationRenewed
  | CertificationRevoked
  | CertificationLapsed
  | CertificationRetracted
  | AnnualUpdateRecorded;

export type EnterpriseEventType = EnterpriseEvent['type'];

/** The stream name of an enterprise. */
export function enterpriseStreamName(creditCode: string): string {
  return `${ENTERPRISE_STREAM_PREFIX}${creditCode}`;
}

/** Every enterprise stream's name starts with this. */
export const ENTERPRISE_STREAM_PREFIX = 'enterprise-';

/** The effective date of an event, or null for events that have none (registration, retraction). */
export function effectiveDateOf(event: EnterpriseEvent): CalendarDate | null {
  switch (event.type) {
    case 'EnterpriseRegistered':
    case 'CertificationRetracted':
      return null;
    case 'EnterpriseRenamed':
    case 'EnterpriseRelocated':
    case 'EnterpriseDeregistered':
      return event.data.effectiveOn;
    case 'CertificationGranted':
      return event.data.grantedOn;
    case 'CertificationRenewed':
      return event.data.renewedOn;
    case 'CertificationRevoked':
      return event.data.revokedOn;
    case 'CertificationLapsed':
      return event.data.lapsedOn;
    case 'AnnualUpdateRecorded':
      return event.data.submittedOn;
    default: {
      const _never: never = event;
      return _never;
    }
  }
}
