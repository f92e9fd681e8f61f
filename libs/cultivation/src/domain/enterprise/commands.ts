// Commands carry raw input as the GraphQL layer received it (dates as strings); the decider
// validates every field so each refusal names the input field at fault.
import type { CalendarDate } from '../shared/calendar-date';
import type { PolicyVersion } from '../policy/policy-types';
import type { CertificationLevel, RevocationReason, Tier } from '../policy/vocabulary';

type Opt<T> = T | null | undefined; // GraphQL passes null for omitted optional inputs

export type RegisterEnterprise = {
  type: 'RegisterEnterprise';
  data: { creditCode: string; name: string; district: string; industryCode?: Opt<string> };
};
export type RenameEnterprise = { type: 'RenameEnterprise'; data: { name: string; effectiveOn: string } };
export type RelocateEnterprise = { type: 'RelocateEnterprise'; data: { toDistrict: string; effectiveOn: string } };
export type DeregisterEnterprise = { type: 'DeregisterEnterprise'; data: { effectiveOn: string; reason: string } };
export type GrantCertification = {
  type: 'GrantCertification';
  data: {
    tier: Tier;
    level?: Opt<CertificationLevel>;
    certificateNo?: Opt<string>;
    grantedOn: string;
    validUntil?: Opt<string>;
    batch?: Opt<string>;
  };
};
export type RenewCertification = {
  type: 'RenewCertification';
  data: { tier: Tier; renewedOn: string; validUntil?: Opt<string>; certificateNo?: Opt<string> };
};
export type RevokeCertification = {
  type: 'RevokeCertification';
  data: { tier: Tier; revokedOn: string; reason: RevocationReason; note?: Opt<string> };
};
export type RetractCertification = {
  type: 'RetractCertification';
  data: { tier: Tier; eventId: string; reason: string };
};
/** The expiry sweep: lapse every grant whose validUntil is before `asOf` (default: today). */
export type RecordLapses = { type: 'RecordLapses'; data: { asOf?: Opt<string> } };

/** A submitted yearly information update (officials). */
export type RecordAnnualUpdate = { type: 'RecordAnnualUpdate'; data: { year: number; submittedOn: string } };

export type EnterpriseCommand =
  | RegisterEnterprise
  | RenameEnterprise
  | RelocateEnterprise
  | DeregisterEnterprise
  | GrantCertification
  | RenewCertification
  | RevokeCertification
  | RetractCertification
  | RecordLapses
  | RecordAnnualUpdate;

/** What the decider may know besides state: the server's today, passed in (no clock inside). */
export interface DecisionContext {
  readonly today: CalendarDate;
  /** The policy versions that judge commands (default: the policy file); specs inject their own. */
  readonly policy?: readonly PolicyVersion[];
}
