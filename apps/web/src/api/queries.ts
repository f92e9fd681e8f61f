// The GraphQL documents the console sends (the public API only: ../shared/design/schema.graphql).

export interface District {
  code: string;
  name: string;
}
export interface TierInfo {
  tier: string;
  ladder: 'TECH' | 'SPECIALIZED';
  rung: number;
  nameZh: string;
  nameEn: string;
  /** False for a group (科技和创新型中小企业): held through its members, never granted itself. */
  grantable?: boolean;
}
export interface TargetProgress {
  tier: TierInfo;
  level: string | null;
  metric: 'ACTIVE' | 'CUMULATIVE';
  target: number | null;
  deadline: string | null;
  asOf: string;
  current: number;
  active: number;
  cumulative: number;
  percent: number | null;
  remaining: number | null;
  requiredMonthlyPace: number | null;
  recentMonthlyPace: number;
  projectedAtDeadline: number | null;
  onTrack: boolean | null;
}
export interface DistrictCount {
  district: District;
  active: number;
  cumulative: number;
}
export interface TrendPoint {
  periodStart: string;
  active: number;
  cumulative: number;
  granted: number;
  renewed: number;
  ended: number;
}
export interface FunnelStep {
  tier: TierInfo;
  reached: number;
  fromPrevious: number | null;
  conversionRate: number | null;
  medianDaysFromPrevious: number | null;
}
export interface CertificationRenewal {
  eventId: string;
  renewedOn: string;
  validUntil: string;
  certificateNo: string | null;
}
export interface Certification {
  eventId: string;
  tier: string;
  level: string;
  certificateNo: string | null;
  grantedOn: string;
  validUntil: string;
  endedOn: string | null;
  state: string;
  batch: string | null;
  renewals: CertificationRenewal[];
}
export interface Enterprise {
  creditCode: string;
  name: string;
  district: District;
  industryCode: string | null;
  formerNames?: string[];
  deregisteredOn: string | null;
  certifications: Certification[];
  positions: { ladder: string; tier: string | null; rung: number }[];
  version: number;
}
export interface RecordedEvent {
  position: string;
  version: number;
  eventId: string;
  type: string;
  data: unknown;
  recordedAt: string;
  actor: string | null;
  source: string;
  correlationId: string | null;
}
export interface CommandResult {
  events: RecordedEvent[];
  position: string | null;
  enterprise: Enterprise | null;
}
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface ImportRowResult {
  rowNumber: number;
  outcome: 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';
  creditCode: string | null;
  column?: string | null;
  field?: string | null;
  rule: string | null;
  message: string | null;
  candidates?: string[];
}
export interface ImportReport {
  fileName: string;
  rows: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  enterprisesRegistered: number;
  eventsWritten: number;
  results: ImportRowResult[];
  reportCsv: string;
}
export interface ServiceInfo {
  name: string;
  version: string;
  oidcIssuer: string | null;
  oidcClientId: string | null;
  oidcScope: string | null;
  oidcResource: string | null;
}

export const SERVICE_INFO = /* GraphQL */ `
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
`;

const TIER = 'tier ladder rung nameZh nameEn grantable';

export const REFERENCE = /* GraphQL */ `
  query Reference {
    tiers { ${TIER} }
    districts { code name }
  }
`;

export const DASHBOARD = /* GraphQL */ `
  query Dashboard($asOf: Date, $district: String) {
    cohortProgress(asOf: $asOf, district: $district) {
      tier { ${TIER} }
      level metric target deadline asOf current active cumulative percent remaining
      requiredMonthlyPace recentMonthlyPace projectedAtDeadline onTrack
    }
    projectionStatus { lag }
  }
`;

export const BREAKDOWN = /* GraphQL */ `
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
`;

export const TREND = /* GraphQL */ `
  query Trend($tier: Tier!, $from: Date!, $to: Date!, $district: String) {
    cohortTrend(tier: $tier, from: $from, to: $to, interval: MONTH, district: $district) {
      periodStart
      active
      cumulative
      granted
      renewed
      ended
    }
  }
`;

export const FUNNELS = /* GraphQL */ `
  query Funnels($on: Date) {
    ladder: tiers(on: $on) { ${TIER} }
    tech: ladderFunnel(ladder: TECH) { tier { ${TIER} } reached fromPrevious conversionRate medianDaysFromPrevious }
    specialized: ladderFunnel(ladder: SPECIALIZED) {
      tier { ${TIER} } reached fromPrevious conversionRate medianDaysFromPrevious
    }
  }
`;

const CERTIFICATION =
  'eventId tier level certificateNo grantedOn validUntil endedOn state batch renewals { eventId renewedOn validUntil certificateNo }';

const ENTERPRISE_FIELDS = `
  creditCode name formerNames district { code name } industryCode deregisteredOn version
  positions { ladder tier rung }
  certifications { ${CERTIFICATION} }
`;

export const ENTERPRISES = /* GraphQL */ `
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
`;

export const ENTERPRISE = /* GraphQL */ `
  query Enterprise($creditCode: String!) {
    enterprise(creditCode: $creditCode) { ${ENTERPRISE_FIELDS} }
  }
`;

export const ENTERPRISE_AS_OF = /* GraphQL */ `
  query EnterpriseAsOf($creditCode: String!, $on: Date!, $knownAt: DateTime) {
    enterpriseAsOf(creditCode: $creditCode, on: $on, knownAt: $knownAt) {
      on knownAt enterprise { ${ENTERPRISE_FIELDS} }
    }
  }
`;

export const HISTORY = /* GraphQL */ `
  query History($creditCode: String!) {
    enterpriseHistory(creditCode: $creditCode) {
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
  }
`;

export const EXPIRING = /* GraphQL */ `
  query Expiring($withinDays: Int!, $tier: Tier, $district: String, $first: Int, $after: String) {
    expiringCertifications(withinDays: $withinDays, tier: $tier, district: $district, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          daysLeft
          enterprise { creditCode name district { code name } }
          certification { ${CERTIFICATION} }
        }
      }
    }
  }
`;

const RESULT = `
  position
  events { position version eventId type data recordedAt actor source correlationId }
  enterprise { ${ENTERPRISE_FIELDS} }
`;

/** The eight commands, each `mutation ($input) { name(input) { result } }`. */
export const COMMANDS = {
  register: 'registerEnterprise: RegisterEnterpriseInput',
  rename: 'renameEnterprise: RenameEnterpriseInput',
  relocate: 'relocateEnterprise: RelocateEnterpriseInput',
  deregister: 'deregisterEnterprise: DeregisterEnterpriseInput',
  grant: 'grantCertification: GrantCertificationInput',
  renew: 'renewCertification: RenewCertificationInput',
  revoke: 'revokeCertification: RevokeCertificationInput',
  retract: 'retractCertification: RetractCertificationInput',
} as const;
export type CommandName = keyof typeof COMMANDS;

export function commandDocument(name: CommandName): { document: string; field: string } {
  const [field, inputType] = COMMANDS[name].split(': ') as [string, string];
  return {
    field,
    document: `mutation Command($input: ${inputType}!) { ${field}(input: $input) { ${RESULT} } }`,
  };
}

export const IMPORT = /* GraphQL */ `
  mutation Import($input: ImportCertificationsInput!) {
    importCertifications(input: $input) {
      fileName
      rows
      accepted
      duplicate
      rejected
      enterprisesRegistered
      eventsWritten
      reportCsv
      results {
        rowNumber
        outcome
        creditCode
        column
        field
        rule
        message
        candidates
      }
    }
  }
`;
