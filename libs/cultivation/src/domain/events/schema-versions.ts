// The schema version each event type is written with today. Bump it when a data shape changes
// and register an upcaster from the previous version (see upcasters.ts).
import type { EnterpriseEventType } from './enterprise-events';
import type { TargetsEventType } from '../targets/targets-events';
import type { ReportEventType } from '../reports/report-events';

export type StoredEventType = EnterpriseEventType | TargetsEventType | ReportEventType;

/** Current schema version per stored event type. */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<StoredEventType, number>> = {
  EnterpriseRegistered: 1,
  EnterpriseRenamed: 1,
  EnterpriseRelocated: 1,
  EnterpriseDeregistered: 1,
  CertificationGranted: 1,
  CertificationRenewed: 1,
  CertificationRevoked: 1,
  CertificationLapsed: 1,
  CertificationRetracted: 1,
  AnnualUpdateRecorded: 1,
  TargetSet: 1,
  ReportPublished: 1,
  ReportListed: 1,
};

/** The schema version new events of this type are written with. */
export function schemaVersionOf(type: StoredEventType): number {
  return CURRENT_SCHEMA_VERSIONS[type];
}
