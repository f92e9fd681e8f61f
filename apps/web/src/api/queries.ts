// The GraphQL documents the console sends (the public API only: ../shared/design/schema.graphql).
// Their result and variable types are generated from schema.gql (`npm run codegen`, checked by
// `npm run typecheck`): nothing here restates a server shape by hand.
import { gql } from './graphql';
import { graphql } from './generated';
import type {
  CertificationFieldsFragment,
  CommandResultFieldsFragment,
  DashboardQuery,
  DeregisterEnterpriseInput,
  EnterpriseFieldsFragment,
  FunnelStepFieldsFragment,
  GrantCertificationInput,
  RecordedEventFieldsFragment,
  ImportMutation,
  PageFieldsFragment,
  RegisterEnterpriseInput,
  RelocateEnterpriseInput,
  RenameEnterpriseInput,
  RenewCertificationInput,
  RetractCertificationInput,
  RevokeCertificationInput,
  ServiceInfoQuery,
  TierFieldsFragment,
  TrendQuery,
  BreakdownQuery,
} from './generated/graphql';
import {
  DeregisterEnterpriseDocument,
  GrantCertificationDocument,
  RegisterEnterpriseDocument,
  RelocateEnterpriseDocument,
  RenameEnterpriseDocument,
  RenewCertificationDocument,
  RetractCertificationDocument,
  RevokeCertificationDocument,
  type TypedDocumentString,
} from './generated/graphql';

export type { TypedDocumentString } from './generated/graphql';
export type {
  Tier,
  Ladder,
  CertificationLevel,
  RevocationReason,
  ImportCertificationsInput,
  SetTargetInput,
  TargetMetric,
  ImportAction,
} from './generated/graphql';

export type TierInfo = TierFieldsFragment;
export type District = { code: string; name: string };
export type TargetProgress = DashboardQuery['cohortProgress'][number];
export type DistrictCount = BreakdownQuery['districtBreakdown'][number];
export type TrendPoint = TrendQuery['cohortTrend'][number];
export type FunnelStep = FunnelStepFieldsFragment;
export type Certification = CertificationFieldsFragment;
export type CertificationRenewal = Certification['renewals'][number];
export type Enterprise = EnterpriseFieldsFragment;
export type RecordedEvent = RecordedEventFieldsFragment;
export type CommandResult = CommandResultFieldsFragment;
export type ImportReport = ImportMutation['importCertifications'];
export type ImportRowResult = ImportReport['results'][number];
export type ServiceInfo = ServiceInfoQuery['serviceInfo'];
export type PageInfo = PageFieldsFragment;

/** Any signed-in request will do to ask whether the API accepts a token: this is the cheapest. */
export const SIGN_IN_CHECK = graphql(`
  query SignInCheck {
    projectionStatus {
      lag
    }
  }
`);

export const SERVICE_INFO = graphql(`
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
`);

graphql(`
  fragment TierFields on TierInfo {
    tier
    ladder
    rung
    nameZh
    nameEn
    grantable
  }
`);

export const REFERENCE = graphql(`
  query Reference {
    tiers {
      ...TierFields
    }
    districts {
      code
      name
    }
  }
`);

export const DASHBOARD = graphql(`
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
`);

/** A municipal official sets the city's target of a tier, or (with district) that district's own. */
export const SET_TARGET = graphql(`
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
`);

export const BREAKDOWN = graphql(`
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
`);

export const TREND = graphql(`
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
`);

graphql(`
  fragment FunnelStepFields on FunnelStep {
    tier {
      ...TierFields
    }
    reached
    fromPrevious
    conversionRate
    medianDaysFromPrevious
  }
`);

export const FUNNELS = graphql(`
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
`);

graphql(`
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
`);

graphql(`
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
`);

/** Where a connection's page ends: the cursor the next page starts after. */
graphql(`
  fragment PageFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

export const ENTERPRISES = graphql(`
  query Enterprises($filter: EnterpriseFilter, $first: Int, $after: String) {
    enterprises(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
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
`);

/** One enterprise by its code, only what a picker shows. */
export const ENTERPRISE_BRIEF = graphql(`
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
`);

/** One enterprise; with its event history when `withHistory` (auditors: the API refuses it to others). */
export const ENTERPRISE = graphql(`
  query Enterprise($creditCode: String!, $withHistory: Boolean = false) {
    enterprise(creditCode: $creditCode) {
      ...EnterpriseFields
    }
    enterpriseHistory(creditCode: $creditCode) @include(if: $withHistory) {
      ...RecordedEventFields
    }
  }
`);

export const ENTERPRISE_AS_OF = graphql(`
  query EnterpriseAsOf($creditCode: String!, $on: Date!, $knownAt: DateTime) {
    enterpriseAsOf(creditCode: $creditCode, on: $on, knownAt: $knownAt) {
      on
      knownAt
      enterprise {
        ...EnterpriseFields
      }
    }
  }
`);

graphql(`
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
`);

export const EXPIRING = graphql(`
  query Expiring($withinDays: Int!, $tier: Tier, $district: String, $first: Int, $after: String) {
    expiringCertifications(withinDays: $withinDays, tier: $tier, district: $district, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
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
`);

graphql(`
  fragment CommandResultFields on CommandResult {
    position
    events {
      ...RecordedEventFields
    }
    enterprise {
      ...EnterpriseFields
    }
  }
`);

/** Each command's input, as the schema declares it. */
export interface CommandInputs {
  register: RegisterEnterpriseInput;
  rename: RenameEnterpriseInput;
  relocate: RelocateEnterpriseInput;
  deregister: DeregisterEnterpriseInput;
  grant: GrantCertificationInput;
  renew: RenewCertificationInput;
  revoke: RevokeCertificationInput;
  retract: RetractCertificationInput;
}
export type CommandName = keyof CommandInputs;
type CommandDocument<Input> = TypedDocumentString<{ result: CommandResult }, { input: Input }>;

// The eight commands, one operation a line (a table: kept so by prettier-ignore): each answers under the alias
// `result`, so one reader serves them all.
// prettier-ignore
graphql(`
  mutation RegisterEnterprise($input: RegisterEnterpriseInput!) { result: registerEnterprise(input: $input) { ...CommandResultFields } }
  mutation RenameEnterprise($input: RenameEnterpriseInput!) { result: renameEnterprise(input: $input) { ...CommandResultFields } }
  mutation RelocateEnterprise($input: RelocateEnterpriseInput!) { result: relocateEnterprise(input: $input) { ...CommandResultFields } }
  mutation DeregisterEnterprise($input: DeregisterEnterpriseInput!) { result: deregisterEnterprise(input: $input) { ...CommandResultFields } }
  mutation GrantCertification($input: GrantCertificationInput!) { result: grantCertification(input: $input) { ...CommandResultFields } }
  mutation RenewCertification($input: RenewCertificationInput!) { result: renewCertification(input: $input) { ...CommandResultFields } }
  mutation RevokeCertification($input: RevokeCertificationInput!) { result: revokeCertification(input: $input) { ...CommandResultFields } }
  mutation RetractCertification($input: RetractCertificationInput!) { result: retractCertification(input: $input) { ...CommandResultFields } }
`);

/** Each command's generated document (one per operation above). */
const COMMANDS: { [N in CommandName]: CommandDocument<CommandInputs[N]> } = {
  register: RegisterEnterpriseDocument,
  rename: RenameEnterpriseDocument,
  relocate: RelocateEnterpriseDocument,
  deregister: DeregisterEnterpriseDocument,
  grant: GrantCertificationDocument,
  renew: RenewCertificationDocument,
  revoke: RevokeCertificationDocument,
  retract: RetractCertificationDocument,
};

export const IMPORT = graphql(`
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
`);

/** Sends one command with its input; the answer is what was written. */
export async function sendCommand<N extends CommandName>(name: N, input: CommandInputs[N]): Promise<CommandResult> {
  const document: CommandDocument<CommandInputs[N]> = COMMANDS[name];
  return (await gql(document, { input })).result;
}
