/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CertificationLevel =
  | 'DISTRICT'
  | 'MUNICIPAL'
  | 'NATIONAL';

export type CertificationState =
  | 'ACTIVE'
  | 'ENDED_BY_DEREGISTRATION'
  | 'LAPSED'
  | 'RENEWED'
  | 'RETRACTED'
  | 'REVOKED';

export type DeregisterEnterpriseInput = {
  /** Idempotency key: the same key again returns the first result and writes nothing. */
  commandId?: string | number | null | undefined;
  creditCode: string;
  effectiveOn: string;
  /** The stream version the caller last saw; a mismatch is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  reason: string;
};

export type EnterpriseFilter = {
  asOf?: string | null | undefined;
  district?: string | null | undefined;
  nameContains?: string | null | undefined;
  /** Matches a name (current or former) containing it, or a credit code starting with it. */
  search?: string | null | undefined;
  /** Holds this tier (active on `asOf`, default today). */
  tier?: Tier | null | undefined;
};

export type GrantCertificationInput = {
  batch?: string | null | undefined;
  certificateNo?: string | null | undefined;
  /** Idempotency key: the same key again returns the first result and writes nothing. */
  commandId?: string | number | null | undefined;
  creditCode: string;
  /** The stream version the caller last saw; a mismatch is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  grantedOn: string;
  level?: CertificationLevel | null | undefined;
  tier: Tier;
  /** Default from the tier's policy. */
  validUntil?: string | null | undefined;
};

export type ImportAction =
  | 'GRANT'
  | 'RENEW'
  | 'REVOKE';

/** A published list: the values given here apply to every row that lacks the column (DOMAIN.md, Lists). */
export type ImportCertificationsInput = {
  /** What every row does where no section row of the file says otherwise (default GRANT). */
  action?: ImportAction | null | undefined;
  /** For every row whose own cell is blank or whose file lacks the column (a row value wins). */
  batch?: string | null | undefined;
  /** Deprecated name of correlationId (used when correlationId is not given). Each row is idempotent by its content. */
  commandId?: string | number | null | undefined;
  /** The CSV (UTF-8 or GBK) or XLSX file, base64-encoded; at most 4 MiB before encoding. */
  contentBase64: string;
  /** Names the import in every event it writes. */
  correlationId?: string | null | undefined;
  /** The file name, for messages and the report (the format is read from the content). */
  fileName: string;
  /** For every row whose own cell is blank or whose file lacks the column (a row value wins). */
  grantedOn?: string | null | undefined;
  /** For every row whose own cell is blank or whose file lacks the column (a row value wins). */
  level?: CertificationLevel | null | undefined;
  /** For every row whose own cell is blank or whose file lacks the column (a row value wins). */
  tier?: Tier | null | undefined;
  /** For every row whose own cell is blank or whose file lacks the column (a row value wins). Default from the tier's policy. */
  validUntil?: string | null | undefined;
};

/** SKIPPED: a title, note, section or blank row; never data. */
export type ImportOutcome =
  | 'ACCEPTED'
  | 'DUPLICATE'
  | 'REJECTED'
  | 'SKIPPED';

export type Ladder =
  | 'SPECIALIZED'
  | 'TECH';

export type PublishReportInput = {
  asOf: string;
  /** Idempotency key: the same key again returns the first result and writes nothing. */
  commandId?: string | number | null | undefined;
  /** Absent: the city. */
  district?: string | null | undefined;
  supersedes?: string | number | null | undefined;
  title: string;
};

export type RegisterEnterpriseInput = {
  /** Idempotency key: the same key again returns the first result and writes nothing. */
  commandId?: string | number | null | undefined;
  creditCode: string;
  district: string;
  industryCode?: string | null | undefined;
  name: string;
};

export type RelocateEnterpriseInput = {
  /** Idempotency key: the same key again returns the first result and writes nothing. */
  commandId?: string | number | null | undefined;
  creditCode: string;
  effectiveOn: string;
  /** The stream version the caller last saw; a mismatch is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  toDistrict: string;
};

export type RenameEnterpriseInput = {
  /** Idempotency key: the same key again returns the first result and writes nothing. */
  commandId?: string | number | null | undefined;
  creditCode: string;
  effectiveOn: string;
  /** The stream version the caller last saw; a mismatch is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  name: string;
};

export type RenewCertificationInput = {
  certificateNo?: string | null | undefined;
  /** Idempotency key: the same key again returns the first result and writes nothing. */
  commandId?: string | number | null | undefined;
  creditCode: string;
  /** The stream version the caller last saw; a mismatch is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  renewedOn: string;
  tier: Tier;
  validUntil?: string | null | undefined;
};

export type RetractCertificationInput = {
  /** Idempotency key: the same key again returns the first result and writes nothing. */
  commandId?: string | number | null | undefined;
  creditCode: string;
  eventId: string | number;
  /** The stream version the caller last saw; a mismatch is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  reason: string;
  tier: Tier;
};

export type RevocationReason =
  | 'ENVIRONMENTAL_VIOLATION'
  | 'FAILED_REVIEW'
  | 'FRAUD'
  | 'MISSED_REPORTING'
  | 'NO_LONGER_ELIGIBLE'
  | 'OTHER'
  | 'SAFETY_OR_QUALITY_INCIDENT';

export type RevokeCertificationInput = {
  /** Idempotency key: the same key again returns the first result and writes nothing. */
  commandId?: string | number | null | undefined;
  creditCode: string;
  /** The stream version the caller last saw; a mismatch is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  note?: string | null | undefined;
  reason: RevocationReason;
  revokedOn: string;
  tier: Tier;
};

export type SetTargetInput = {
  /** Idempotency key: the same key again returns the first result and writes nothing. */
  commandId?: string | number | null | undefined;
  deadline: string;
  /** A district's own target; absent: the city's. */
  district?: string | null | undefined;
  level?: CertificationLevel | null | undefined;
  metric: TargetMetric;
  target: number;
  tier: Tier;
};

export type TargetMetric =
  | 'ACTIVE'
  | 'CUMULATIVE';

export type Tier =
  | 'HIGH_TECH'
  | 'INNOVATIVE_SME'
  | 'LITTLE_GIANT'
  | 'SINGLE_CHAMPION'
  | 'SRDI_SME'
  /** 科技和创新型中小企业 (Tech-and-innovative SME): a group, held through TECH_SME or INNOVATIVE_SME; never granted itself. */
  | 'TECH_AND_INNOVATIVE_SME'
  | 'TECH_LEADER'
  | 'TECH_SME';

export type TrendInterval =
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR';

export type OverdueUpdatesQueryVariables = Exact<{
  year: number;
  asOf?: string | null | undefined;
  district?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type OverdueUpdatesQuery = { overdueAnnualUpdates: { totalCount: number, edges: Array<{ node: { dueOn: string, daysOverdue: number, enterprise: { creditCode: string, name: string }, tiers: Array<{ tier: Tier, nameZh: string, nameEn: string }> } }> } };

export type ProgressChangedSubscriptionVariables = Exact<{
  district?: string | null | undefined;
}>;


export type ProgressChangedSubscription = { cohortProgressChanged: Array<{ level: CertificationLevel | null, metric: TargetMetric, current: number, tier: { tier: Tier } }> };

export type ProjectionProgressQueryVariables = Exact<{ [key: string]: never; }>;


export type ProjectionProgressQuery = { projectionStatus: { lag: number, etaSeconds: number | null } };

export type SignInCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInCheckQuery = { projectionStatus: { lag: number } };

export type ServiceInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceInfoQuery = { serviceInfo: { name: string, version: string, oidcIssuer: string | null, oidcClientId: string | null, oidcScope: string | null, oidcResource: string | null } };

export type TierFieldsFragment = { tier: Tier, ladder: Ladder, rung: number, nameZh: string, nameEn: string, grantable: boolean };

export type ReferenceQueryVariables = Exact<{ [key: string]: never; }>;


export type ReferenceQuery = { tiers: Array<{ tier: Tier, ladder: Ladder, rung: number, nameZh: string, nameEn: string, grantable: boolean }>, districts: Array<{ code: string, name: string }> };

export type DashboardQueryVariables = Exact<{
  asOf?: string | null | undefined;
  district?: string | null | undefined;
}>;


export type DashboardQuery = { cohortProgress: Array<{ level: CertificationLevel | null, metric: TargetMetric, target: number | null, deadline: string | null, asOf: string, current: number, shareOfCity: number | null, renewsYearly: boolean, active: number, cumulative: number, percent: number | null, remaining: number | null, requiredMonthlyPace: number | null, recentMonthlyPace: number, projectedAtDeadline: number | null, onTrack: boolean | null, tier: { tier: Tier, ladder: Ladder, rung: number, nameZh: string, nameEn: string, grantable: boolean }, district: { code: string, name: string } | null }>, projectionStatus: { lag: number } };

export type SetTargetMutationVariables = Exact<{
  input: SetTargetInput;
}>;


export type SetTargetMutation = { setTarget: { target: number | null, metric: TargetMetric, deadline: string | null, tier: { tier: Tier, ladder: Ladder, rung: number, nameZh: string, nameEn: string, grantable: boolean }, district: { code: string, name: string } | null } };

export type BreakdownQueryVariables = Exact<{
  tier: Tier;
  asOf?: string | null | undefined;
}>;


export type BreakdownQuery = { districtBreakdown: Array<{ active: number, cumulative: number, district: { code: string, name: string } }> };

export type TrendQueryVariables = Exact<{
  tier: Tier;
  from: string;
  to: string;
  district?: string | null | undefined;
}>;


export type TrendQuery = { cohortTrend: Array<{ periodStart: string, active: number, cumulative: number, granted: number, renewed: number, ended: number }> };

export type FunnelStepFieldsFragment = { reached: number, fromPrevious: number | null, conversionRate: number | null, medianDaysFromPrevious: number | null, tier: { tier: Tier, ladder: Ladder, rung: number, nameZh: string, nameEn: string, grantable: boolean } };

export type FunnelsQueryVariables = Exact<{
  on?: string | null | undefined;
}>;


export type FunnelsQuery = { ladder: Array<{ tier: Tier, ladder: Ladder, rung: number, nameZh: string, nameEn: string, grantable: boolean }>, tech: Array<{ reached: number, fromPrevious: number | null, conversionRate: number | null, medianDaysFromPrevious: number | null, tier: { tier: Tier, ladder: Ladder, rung: number, nameZh: string, nameEn: string, grantable: boolean } }>, specialized: Array<{ reached: number, fromPrevious: number | null, conversionRate: number | null, medianDaysFromPrevious: number | null, tier: { tier: Tier, ladder: Ladder, rung: number, nameZh: string, nameEn: string, grantable: boolean } }> };

export type CertificationFieldsFragment = { eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> };

export type EnterpriseFieldsFragment = { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> };

export type EnterprisesQueryVariables = Exact<{
  filter?: EnterpriseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EnterprisesQuery = { enterprises: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { creditCode: string, name: string, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }> } }> } };

export type EnterpriseBriefQueryVariables = Exact<{
  creditCode: string;
}>;


export type EnterpriseBriefQuery = { enterprise: { creditCode: string, name: string, district: { code: string, name: string } } | null };

export type EnterpriseQueryVariables = Exact<{
  creditCode: string;
}>;


export type EnterpriseQuery = { enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null };

export type EnterpriseAsOfQueryVariables = Exact<{
  creditCode: string;
  on: string;
  knownAt?: string | null | undefined;
}>;


export type EnterpriseAsOfQuery = { enterpriseAsOf: { on: string, knownAt: string, enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null } };

export type RecordedEventFieldsFragment = { position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null };

export type HistoryQueryVariables = Exact<{
  creditCode: string;
}>;


export type HistoryQuery = { enterpriseHistory: Array<{ position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null }> };

export type ExpiringQueryVariables = Exact<{
  withinDays: number;
  tier?: Tier | null | undefined;
  district?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExpiringQuery = { expiringCertifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { daysLeft: number, enterprise: { creditCode: string, name: string, district: { code: string, name: string } }, certification: { eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> } } }> } };

export type CommandResultFieldsFragment = { position: string | null, events: Array<{ position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null }>, enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null };

export type RegisterEnterpriseMutationVariables = Exact<{
  input: RegisterEnterpriseInput;
}>;


export type RegisterEnterpriseMutation = { result: { position: string | null, events: Array<{ position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null }>, enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null } };

export type RenameEnterpriseMutationVariables = Exact<{
  input: RenameEnterpriseInput;
}>;


export type RenameEnterpriseMutation = { result: { position: string | null, events: Array<{ position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null }>, enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null } };

export type RelocateEnterpriseMutationVariables = Exact<{
  input: RelocateEnterpriseInput;
}>;


export type RelocateEnterpriseMutation = { result: { position: string | null, events: Array<{ position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null }>, enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null } };

export type DeregisterEnterpriseMutationVariables = Exact<{
  input: DeregisterEnterpriseInput;
}>;


export type DeregisterEnterpriseMutation = { result: { position: string | null, events: Array<{ position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null }>, enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null } };

export type GrantCertificationMutationVariables = Exact<{
  input: GrantCertificationInput;
}>;


export type GrantCertificationMutation = { result: { position: string | null, events: Array<{ position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null }>, enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null } };

export type RenewCertificationMutationVariables = Exact<{
  input: RenewCertificationInput;
}>;


export type RenewCertificationMutation = { result: { position: string | null, events: Array<{ position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null }>, enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null } };

export type RevokeCertificationMutationVariables = Exact<{
  input: RevokeCertificationInput;
}>;


export type RevokeCertificationMutation = { result: { position: string | null, events: Array<{ position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null }>, enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null } };

export type RetractCertificationMutationVariables = Exact<{
  input: RetractCertificationInput;
}>;


export type RetractCertificationMutation = { result: { position: string | null, events: Array<{ position: string, version: number, eventId: string, type: string, data: unknown, recordedAt: string, actor: string | null, source: string, correlationId: string | null }>, enterprise: { creditCode: string, name: string, formerNames: Array<string>, industryCode: string | null, deregisteredOn: string | null, version: number, district: { code: string, name: string }, positions: Array<{ ladder: Ladder, tier: Tier | null, rung: number }>, certifications: Array<{ eventId: string, tier: Tier, level: CertificationLevel, certificateNo: string | null, grantedOn: string, validUntil: string, endedOn: string | null, state: CertificationState, batch: string | null, renewals: Array<{ eventId: string, renewedOn: string, validUntil: string, certificateNo: string | null }> }> } | null } };

export type ImportMutationVariables = Exact<{
  input: ImportCertificationsInput;
}>;


export type ImportMutation = { importCertifications: { fileName: string, rows: number, accepted: number, duplicate: number, rejected: number, skipped: number, enterprisesRegistered: number, eventsWritten: number, reportCsv: string, results: Array<{ rowNumber: number, outcome: ImportOutcome, name: string, creditCode: string | null, column: string | null, field: string | null, rule: string | null, message: string | null, candidates: Array<string>, action: ImportAction | null, suggestions: Array<{ creditCode: string, name: string, similarity: number }> }> } };

export type ReportFieldsFragment = { id: string, title: string, asOf: string, publishedAt: string, publishedBy: string, supersedes: string | null, district: { code: string, name: string } | null };

export type ReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportsQuery = { reports: Array<{ id: string, title: string, asOf: string, publishedAt: string, publishedBy: string, supersedes: string | null, district: { code: string, name: string } | null }> };

export type PublishReportMutationVariables = Exact<{
  input: PublishReportInput;
}>;


export type PublishReportMutation = { publishReport: { id: string, title: string, asOf: string, publishedAt: string, publishedBy: string, supersedes: string | null, district: { code: string, name: string } | null } };

export type RestatementQueryVariables = Exact<{
  id: string | number;
}>;


export type RestatementQuery = { reportRestatement: { position: string, report: { id: string, title: string, asOf: string, publishedAt: string, publishedBy: string, supersedes: string | null, district: { code: string, name: string } | null }, rows: Array<{ level: CertificationLevel | null, metric: TargetMetric, published: number, now: number, difference: number, tier: { tier: Tier, nameZh: string, nameEn: string }, events: Array<{ creditCode: string, name: string, eventId: string, eventType: string, effectiveOn: string | null, recordedAt: string, recordedBy: string, effect: number }> }> } };

export type ExampleCohortProgressQueryVariables = Exact<{
  asOf?: string | null | undefined;
  district?: string | null | undefined;
}>;


export type ExampleCohortProgressQuery = { cohortProgress: Array<{ level: CertificationLevel | null, metric: TargetMetric, current: number, active: number, cumulative: number, target: number | null, percent: number | null, onTrack: boolean | null, tier: { tier: Tier, nameZh: string } }> };

export type ExampleDistrictBreakdownQueryVariables = Exact<{
  tier: Tier;
  asOf?: string | null | undefined;
  knownAt?: string | null | undefined;
}>;


export type ExampleDistrictBreakdownQuery = { districtBreakdown: Array<{ active: number, cumulative: number, district: { name: string } }> };

export type ExampleCohortTrendQueryVariables = Exact<{
  tier: Tier;
  from: string;
  to: string;
  interval: TrendInterval;
}>;


export type ExampleCohortTrendQuery = { cohortTrend: Array<{ periodStart: string, granted: number, ended: number, active: number }> };

export type ExampleEnterpriseAsOfQueryVariables = Exact<{
  creditCode: string;
  on: string;
}>;


export type ExampleEnterpriseAsOfQuery = { enterpriseAsOf: { on: string, knownAt: string, enterprise: { creditCode: string, name: string, district: { name: string }, certifications: Array<{ tier: Tier, level: CertificationLevel, grantedOn: string, validUntil: string, state: CertificationState }> } | null }, enterpriseHistory: Array<{ type: string, recordedAt: string, actor: string | null, data: unknown }> };

export type ExampleLiveProgressSubscriptionVariables = Exact<{
  district?: string | null | undefined;
}>;


export type ExampleLiveProgressSubscription = { cohortProgressChanged: Array<{ metric: TargetMetric, current: number, target: number | null, tier: { nameZh: string } }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TierFieldsFragmentDoc = new TypedDocumentString(`
    fragment TierFields on TierInfo {
  tier
  ladder
  rung
  nameZh
  nameEn
  grantable
}
    `, {"fragmentName":"TierFields"}) as unknown as TypedDocumentString<TierFieldsFragment, unknown>;
export const FunnelStepFieldsFragmentDoc = new TypedDocumentString(`
    fragment FunnelStepFields on FunnelStep {
  tier {
    ...TierFields
  }
  reached
  fromPrevious
  conversionRate
  medianDaysFromPrevious
}
    fragment TierFields on TierInfo {
  tier
  ladder
  rung
  nameZh
  nameEn
  grantable
}`, {"fragmentName":"FunnelStepFields"}) as unknown as TypedDocumentString<FunnelStepFieldsFragment, unknown>;
export const RecordedEventFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}
    `, {"fragmentName":"RecordedEventFields"}) as unknown as TypedDocumentString<RecordedEventFieldsFragment, unknown>;
export const CertificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
    `, {"fragmentName":"CertificationFields"}) as unknown as TypedDocumentString<CertificationFieldsFragment, unknown>;
export const EnterpriseFieldsFragmentDoc = new TypedDocumentString(`
    fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}`, {"fragmentName":"EnterpriseFields"}) as unknown as TypedDocumentString<EnterpriseFieldsFragment, unknown>;
export const CommandResultFieldsFragmentDoc = new TypedDocumentString(`
    fragment CommandResultFields on CommandResult {
  position
  events {
    ...RecordedEventFields
  }
  enterprise {
    ...EnterpriseFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}
fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}`, {"fragmentName":"CommandResultFields"}) as unknown as TypedDocumentString<CommandResultFieldsFragment, unknown>;
export const ReportFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReportFields on PublishedReport {
  id
  title
  asOf
  district {
    code
    name
  }
  publishedAt
  publishedBy
  supersedes
}
    `, {"fragmentName":"ReportFields"}) as unknown as TypedDocumentString<ReportFieldsFragment, unknown>;
export const OverdueUpdatesDocument = new TypedDocumentString(`
    query OverdueUpdates($year: Int!, $asOf: Date, $district: String, $first: Int) {
  overdueAnnualUpdates(
    year: $year
    asOf: $asOf
    district: $district
    first: $first
  ) {
    totalCount
    edges {
      node {
        enterprise {
          creditCode
          name
        }
        dueOn
        daysOverdue
        tiers {
          tier
          nameZh
          nameEn
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OverdueUpdatesQuery, OverdueUpdatesQueryVariables>;
export const ProgressChangedDocument = new TypedDocumentString(`
    subscription ProgressChanged($district: String) {
  cohortProgressChanged(district: $district) {
    tier {
      tier
    }
    level
    metric
    current
  }
}
    `) as unknown as TypedDocumentString<ProgressChangedSubscription, ProgressChangedSubscriptionVariables>;
export const ProjectionProgressDocument = new TypedDocumentString(`
    query ProjectionProgress {
  projectionStatus {
    lag
    etaSeconds
  }
}
    `) as unknown as TypedDocumentString<ProjectionProgressQuery, ProjectionProgressQueryVariables>;
export const SignInCheckDocument = new TypedDocumentString(`
    query SignInCheck {
  projectionStatus {
    lag
  }
}
    `) as unknown as TypedDocumentString<SignInCheckQuery, SignInCheckQueryVariables>;
export const ServiceInfoDocument = new TypedDocumentString(`
    query ServiceInfo {
  serviceInfo {
    name
    version
    oidcIssuer
    oidcClientId
    oidcScope
    oidcResource
  }
}
    `) as unknown as TypedDocumentString<ServiceInfoQuery, ServiceInfoQueryVariables>;
export const ReferenceDocument = new TypedDocumentString(`
    query Reference {
  tiers {
    ...TierFields
  }
  districts {
    code
    name
  }
}
    fragment TierFields on TierInfo {
  tier
  ladder
  rung
  nameZh
  nameEn
  grantable
}`) as unknown as TypedDocumentString<ReferenceQuery, ReferenceQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($asOf: Date, $district: String) {
  cohortProgress(asOf: $asOf, district: $district) {
    tier {
      ...TierFields
    }
    level
    metric
    target
    deadline
    asOf
    current
    district {
      code
      name
    }
    shareOfCity
    renewsYearly
    active
    cumulative
    percent
    remaining
    requiredMonthlyPace
    recentMonthlyPace
    projectedAtDeadline
    onTrack
  }
  projectionStatus {
    lag
  }
}
    fragment TierFields on TierInfo {
  tier
  ladder
  rung
  nameZh
  nameEn
  grantable
}`) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const SetTargetDocument = new TypedDocumentString(`
    mutation SetTarget($input: SetTargetInput!) {
  setTarget(input: $input) {
    tier {
      ...TierFields
    }
    district {
      code
      name
    }
    target
    metric
    deadline
  }
}
    fragment TierFields on TierInfo {
  tier
  ladder
  rung
  nameZh
  nameEn
  grantable
}`) as unknown as TypedDocumentString<SetTargetMutation, SetTargetMutationVariables>;
export const BreakdownDocument = new TypedDocumentString(`
    query Breakdown($tier: Tier!, $asOf: Date) {
  districtBreakdown(tier: $tier, asOf: $asOf) {
    district {
      code
      name
    }
    active
    cumulative
  }
}
    `) as unknown as TypedDocumentString<BreakdownQuery, BreakdownQueryVariables>;
export const TrendDocument = new TypedDocumentString(`
    query Trend($tier: Tier!, $from: Date!, $to: Date!, $district: String) {
  cohortTrend(
    tier: $tier
    from: $from
    to: $to
    interval: MONTH
    district: $district
  ) {
    periodStart
    active
    cumulative
    granted
    renewed
    ended
  }
}
    `) as unknown as TypedDocumentString<TrendQuery, TrendQueryVariables>;
export const FunnelsDocument = new TypedDocumentString(`
    query Funnels($on: Date) {
  ladder: tiers(on: $on) {
    ...TierFields
  }
  tech: ladderFunnel(ladder: TECH) {
    ...FunnelStepFields
  }
  specialized: ladderFunnel(ladder: SPECIALIZED) {
    ...FunnelStepFields
  }
}
    fragment TierFields on TierInfo {
  tier
  ladder
  rung
  nameZh
  nameEn
  grantable
}
fragment FunnelStepFields on FunnelStep {
  tier {
    ...TierFields
  }
  reached
  fromPrevious
  conversionRate
  medianDaysFromPrevious
}`) as unknown as TypedDocumentString<FunnelsQuery, FunnelsQueryVariables>;
export const EnterprisesDocument = new TypedDocumentString(`
    query Enterprises($filter: EnterpriseFilter, $first: Int, $after: String) {
  enterprises(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        creditCode
        name
        district {
          code
          name
        }
        positions {
          ladder
          tier
          rung
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EnterprisesQuery, EnterprisesQueryVariables>;
export const EnterpriseBriefDocument = new TypedDocumentString(`
    query EnterpriseBrief($creditCode: String!) {
  enterprise(creditCode: $creditCode) {
    creditCode
    name
    district {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<EnterpriseBriefQuery, EnterpriseBriefQueryVariables>;
export const EnterpriseDocument = new TypedDocumentString(`
    query Enterprise($creditCode: String!) {
  enterprise(creditCode: $creditCode) {
    ...EnterpriseFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}`) as unknown as TypedDocumentString<EnterpriseQuery, EnterpriseQueryVariables>;
export const EnterpriseAsOfDocument = new TypedDocumentString(`
    query EnterpriseAsOf($creditCode: String!, $on: Date!, $knownAt: DateTime) {
  enterpriseAsOf(creditCode: $creditCode, on: $on, knownAt: $knownAt) {
    on
    knownAt
    enterprise {
      ...EnterpriseFields
    }
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}`) as unknown as TypedDocumentString<EnterpriseAsOfQuery, EnterpriseAsOfQueryVariables>;
export const HistoryDocument = new TypedDocumentString(`
    query History($creditCode: String!) {
  enterpriseHistory(creditCode: $creditCode) {
    ...RecordedEventFields
  }
}
    fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}`) as unknown as TypedDocumentString<HistoryQuery, HistoryQueryVariables>;
export const ExpiringDocument = new TypedDocumentString(`
    query Expiring($withinDays: Int!, $tier: Tier, $district: String, $first: Int, $after: String) {
  expiringCertifications(
    withinDays: $withinDays
    tier: $tier
    district: $district
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        daysLeft
        enterprise {
          creditCode
          name
          district {
            code
            name
          }
        }
        certification {
          ...CertificationFields
        }
      }
    }
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}`) as unknown as TypedDocumentString<ExpiringQuery, ExpiringQueryVariables>;
export const RegisterEnterpriseDocument = new TypedDocumentString(`
    mutation RegisterEnterprise($input: RegisterEnterpriseInput!) {
  result: registerEnterprise(input: $input) {
    ...CommandResultFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}
fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}
fragment CommandResultFields on CommandResult {
  position
  events {
    ...RecordedEventFields
  }
  enterprise {
    ...EnterpriseFields
  }
}`) as unknown as TypedDocumentString<RegisterEnterpriseMutation, RegisterEnterpriseMutationVariables>;
export const RenameEnterpriseDocument = new TypedDocumentString(`
    mutation RenameEnterprise($input: RenameEnterpriseInput!) {
  result: renameEnterprise(input: $input) {
    ...CommandResultFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}
fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}
fragment CommandResultFields on CommandResult {
  position
  events {
    ...RecordedEventFields
  }
  enterprise {
    ...EnterpriseFields
  }
}`) as unknown as TypedDocumentString<RenameEnterpriseMutation, RenameEnterpriseMutationVariables>;
export const RelocateEnterpriseDocument = new TypedDocumentString(`
    mutation RelocateEnterprise($input: RelocateEnterpriseInput!) {
  result: relocateEnterprise(input: $input) {
    ...CommandResultFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}
fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}
fragment CommandResultFields on CommandResult {
  position
  events {
    ...RecordedEventFields
  }
  enterprise {
    ...EnterpriseFields
  }
}`) as unknown as TypedDocumentString<RelocateEnterpriseMutation, RelocateEnterpriseMutationVariables>;
export const DeregisterEnterpriseDocument = new TypedDocumentString(`
    mutation DeregisterEnterprise($input: DeregisterEnterpriseInput!) {
  result: deregisterEnterprise(input: $input) {
    ...CommandResultFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}
fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}
fragment CommandResultFields on CommandResult {
  position
  events {
    ...RecordedEventFields
  }
  enterprise {
    ...EnterpriseFields
  }
}`) as unknown as TypedDocumentString<DeregisterEnterpriseMutation, DeregisterEnterpriseMutationVariables>;
export const GrantCertificationDocument = new TypedDocumentString(`
    mutation GrantCertification($input: GrantCertificationInput!) {
  result: grantCertification(input: $input) {
    ...CommandResultFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}
fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}
fragment CommandResultFields on CommandResult {
  position
  events {
    ...RecordedEventFields
  }
  enterprise {
    ...EnterpriseFields
  }
}`) as unknown as TypedDocumentString<GrantCertificationMutation, GrantCertificationMutationVariables>;
export const RenewCertificationDocument = new TypedDocumentString(`
    mutation RenewCertification($input: RenewCertificationInput!) {
  result: renewCertification(input: $input) {
    ...CommandResultFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}
fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}
fragment CommandResultFields on CommandResult {
  position
  events {
    ...RecordedEventFields
  }
  enterprise {
    ...EnterpriseFields
  }
}`) as unknown as TypedDocumentString<RenewCertificationMutation, RenewCertificationMutationVariables>;
export const RevokeCertificationDocument = new TypedDocumentString(`
    mutation RevokeCertification($input: RevokeCertificationInput!) {
  result: revokeCertification(input: $input) {
    ...CommandResultFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}
fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}
fragment CommandResultFields on CommandResult {
  position
  events {
    ...RecordedEventFields
  }
  enterprise {
    ...EnterpriseFields
  }
}`) as unknown as TypedDocumentString<RevokeCertificationMutation, RevokeCertificationMutationVariables>;
export const RetractCertificationDocument = new TypedDocumentString(`
    mutation RetractCertification($input: RetractCertificationInput!) {
  result: retractCertification(input: $input) {
    ...CommandResultFields
  }
}
    fragment CertificationFields on Certification {
  eventId
  tier
  level
  certificateNo
  grantedOn
  validUntil
  endedOn
  state
  batch
  renewals {
    eventId
    renewedOn
    validUntil
    certificateNo
  }
}
fragment EnterpriseFields on Enterprise {
  creditCode
  name
  formerNames
  district {
    code
    name
  }
  industryCode
  deregisteredOn
  version
  positions {
    ladder
    tier
    rung
  }
  certifications {
    ...CertificationFields
  }
}
fragment RecordedEventFields on RecordedEvent {
  position
  version
  eventId
  type
  data
  recordedAt
  actor
  source
  correlationId
}
fragment CommandResultFields on CommandResult {
  position
  events {
    ...RecordedEventFields
  }
  enterprise {
    ...EnterpriseFields
  }
}`) as unknown as TypedDocumentString<RetractCertificationMutation, RetractCertificationMutationVariables>;
export const ImportDocument = new TypedDocumentString(`
    mutation Import($input: ImportCertificationsInput!) {
  importCertifications(input: $input) {
    fileName
    rows
    accepted
    duplicate
    rejected
    skipped
    enterprisesRegistered
    eventsWritten
    reportCsv
    results {
      rowNumber
      outcome
      name
      creditCode
      column
      field
      rule
      message
      candidates
      action
      suggestions {
        creditCode
        name
        similarity
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImportMutation, ImportMutationVariables>;
export const ReportsDocument = new TypedDocumentString(`
    query Reports {
  reports {
    ...ReportFields
  }
}
    fragment ReportFields on PublishedReport {
  id
  title
  asOf
  district {
    code
    name
  }
  publishedAt
  publishedBy
  supersedes
}`) as unknown as TypedDocumentString<ReportsQuery, ReportsQueryVariables>;
export const PublishReportDocument = new TypedDocumentString(`
    mutation PublishReport($input: PublishReportInput!) {
  publishReport(input: $input) {
    ...ReportFields
  }
}
    fragment ReportFields on PublishedReport {
  id
  title
  asOf
  district {
    code
    name
  }
  publishedAt
  publishedBy
  supersedes
}`) as unknown as TypedDocumentString<PublishReportMutation, PublishReportMutationVariables>;
export const RestatementDocument = new TypedDocumentString(`
    query Restatement($id: ID!) {
  reportRestatement(id: $id) {
    position
    report {
      ...ReportFields
    }
    rows {
      tier {
        tier
        nameZh
        nameEn
      }
      level
      metric
      published
      now
      difference
      events {
        creditCode
        name
        eventId
        eventType
        effectiveOn
        recordedAt
        recordedBy
        effect
      }
    }
  }
}
    fragment ReportFields on PublishedReport {
  id
  title
  asOf
  district {
    code
    name
  }
  publishedAt
  publishedBy
  supersedes
}`) as unknown as TypedDocumentString<RestatementQuery, RestatementQueryVariables>;
export const ExampleCohortProgressDocument = new TypedDocumentString(`
    query ExampleCohortProgress($asOf: Date, $district: String) {
  cohortProgress(asOf: $asOf, district: $district) {
    tier {
      tier
      nameZh
    }
    level
    metric
    current
    active
    cumulative
    target
    percent
    onTrack
  }
}
    `) as unknown as TypedDocumentString<ExampleCohortProgressQuery, ExampleCohortProgressQueryVariables>;
export const ExampleDistrictBreakdownDocument = new TypedDocumentString(`
    query ExampleDistrictBreakdown($tier: Tier!, $asOf: Date, $knownAt: DateTime) {
  districtBreakdown(tier: $tier, asOf: $asOf, knownAt: $knownAt) {
    district {
      name
    }
    active
    cumulative
  }
}
    `) as unknown as TypedDocumentString<ExampleDistrictBreakdownQuery, ExampleDistrictBreakdownQueryVariables>;
export const ExampleCohortTrendDocument = new TypedDocumentString(`
    query ExampleCohortTrend($tier: Tier!, $from: Date!, $to: Date!, $interval: TrendInterval!) {
  cohortTrend(tier: $tier, from: $from, to: $to, interval: $interval) {
    periodStart
    granted
    ended
    active
  }
}
    `) as unknown as TypedDocumentString<ExampleCohortTrendQuery, ExampleCohortTrendQueryVariables>;
export const ExampleEnterpriseAsOfDocument = new TypedDocumentString(`
    query ExampleEnterpriseAsOf($creditCode: String!, $on: Date!) {
  enterpriseAsOf(creditCode: $creditCode, on: $on) {
    on
    knownAt
    enterprise {
      creditCode
      name
      district {
        name
      }
      certifications {
        tier
        level
        grantedOn
        validUntil
        state
      }
    }
  }
  enterpriseHistory(creditCode: $creditCode) {
    type
    recordedAt
    actor
    data
  }
}
    `) as unknown as TypedDocumentString<ExampleEnterpriseAsOfQuery, ExampleEnterpriseAsOfQueryVariables>;
export const ExampleLiveProgressDocument = new TypedDocumentString(`
    subscription ExampleLiveProgress($district: String) {
  cohortProgressChanged(district: $district) {
    tier {
      nameZh
    }
    metric
    current
    target
  }
}
    `) as unknown as TypedDocumentString<ExampleLiveProgressSubscription, ExampleLiveProgressSubscriptionVariables>;