/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query OverdueUpdates($year: Int!, $asOf: Date, $district: String, $first: Int) {\n    overdueAnnualUpdates(year: $year, asOf: $asOf, district: $district, first: $first) {\n      totalCount\n      edges {\n        node {\n          enterprise {\n            creditCode\n            name\n          }\n          dueOn\n          daysOverdue\n          tiers {\n            tier\n            nameZh\n            nameEn\n          }\n        }\n      }\n    }\n  }\n": typeof types.OverdueUpdatesDocument,
    "\n  subscription ProgressChanged($district: String) {\n    cohortProgressChanged(district: $district) {\n      tier {\n        tier\n      }\n      level\n      metric\n      current\n    }\n  }\n": typeof types.ProgressChangedDocument,
    "\n  query ProjectionProgress {\n    projectionStatus {\n      lag\n      etaSeconds\n    }\n  }\n": typeof types.ProjectionProgressDocument,
    "\n  query SignInCheck {\n    projectionStatus {\n      lag\n    }\n  }\n": typeof types.SignInCheckDocument,
    "\n  query ServiceInfo {\n    serviceInfo {\n      name\n      version\n      oidcIssuer\n      oidcClientId\n      oidcScope\n      oidcResource\n    }\n  }\n": typeof types.ServiceInfoDocument,
    "\n  fragment TierFields on TierInfo {\n    tier\n    ladder\n    rung\n    nameZh\n    nameEn\n    grantable\n  }\n": typeof types.TierFieldsFragmentDoc,
    "\n  query Reference {\n    tiers {\n      ...TierFields\n    }\n    districts {\n      code\n      name\n    }\n  }\n": typeof types.ReferenceDocument,
    "\n  query Dashboard($asOf: Date, $district: String) {\n    cohortProgress(asOf: $asOf, district: $district) {\n      tier {\n        ...TierFields\n      }\n      level\n      metric\n      target\n      deadline\n      asOf\n      current\n      district {\n        code\n        name\n      }\n      shareOfCity\n      renewsYearly\n      active\n      cumulative\n      percent\n      remaining\n      requiredMonthlyPace\n      recentMonthlyPace\n      projectedAtDeadline\n      onTrack\n    }\n    projectionStatus {\n      lag\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  mutation SetTarget($input: SetTargetInput!) {\n    setTarget(input: $input) {\n      tier {\n        ...TierFields\n      }\n      district {\n        code\n        name\n      }\n      target\n      metric\n      deadline\n    }\n  }\n": typeof types.SetTargetDocument,
    "\n  query Breakdown($tier: Tier!, $asOf: Date) {\n    districtBreakdown(tier: $tier, asOf: $asOf) {\n      district {\n        code\n        name\n      }\n      active\n      cumulative\n    }\n  }\n": typeof types.BreakdownDocument,
    "\n  query Trend($tier: Tier!, $from: Date!, $to: Date!, $district: String) {\n    cohortTrend(tier: $tier, from: $from, to: $to, interval: MONTH, district: $district) {\n      periodStart\n      active\n      cumulative\n      granted\n      renewed\n      ended\n    }\n  }\n": typeof types.TrendDocument,
    "\n  fragment FunnelStepFields on FunnelStep {\n    tier {\n      ...TierFields\n    }\n    reached\n    fromPrevious\n    conversionRate\n    medianDaysFromPrevious\n  }\n": typeof types.FunnelStepFieldsFragmentDoc,
    "\n  query Funnels($on: Date) {\n    ladder: tiers(on: $on) {\n      ...TierFields\n    }\n    tech: ladderFunnel(ladder: TECH) {\n      ...FunnelStepFields\n    }\n    specialized: ladderFunnel(ladder: SPECIALIZED) {\n      ...FunnelStepFields\n    }\n  }\n": typeof types.FunnelsDocument,
    "\n  fragment CertificationFields on Certification {\n    eventId\n    tier\n    level\n    certificateNo\n    grantedOn\n    validUntil\n    endedOn\n    state\n    batch\n    renewals {\n      eventId\n      renewedOn\n      validUntil\n      certificateNo\n    }\n  }\n": typeof types.CertificationFieldsFragmentDoc,
    "\n  fragment EnterpriseFields on Enterprise {\n    creditCode\n    name\n    formerNames\n    district {\n      code\n      name\n    }\n    industryCode\n    deregisteredOn\n    version\n    positions {\n      ladder\n      tier\n      rung\n    }\n    certifications {\n      ...CertificationFields\n    }\n  }\n": typeof types.EnterpriseFieldsFragmentDoc,
    "\n  query Enterprises($filter: EnterpriseFilter, $first: Int, $after: String) {\n    enterprises(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          creditCode\n          name\n          district {\n            code\n            name\n          }\n          positions {\n            ladder\n            tier\n            rung\n          }\n        }\n      }\n    }\n  }\n": typeof types.EnterprisesDocument,
    "\n  query EnterpriseBrief($creditCode: String!) {\n    enterprise(creditCode: $creditCode) {\n      creditCode\n      name\n      district {\n        code\n        name\n      }\n    }\n  }\n": typeof types.EnterpriseBriefDocument,
    "\n  query Enterprise($creditCode: String!) {\n    enterprise(creditCode: $creditCode) {\n      ...EnterpriseFields\n    }\n  }\n": typeof types.EnterpriseDocument,
    "\n  query EnterpriseAsOf($creditCode: String!, $on: Date!, $knownAt: DateTime) {\n    enterpriseAsOf(creditCode: $creditCode, on: $on, knownAt: $knownAt) {\n      on\n      knownAt\n      enterprise {\n        ...EnterpriseFields\n      }\n    }\n  }\n": typeof types.EnterpriseAsOfDocument,
    "\n  fragment RecordedEventFields on RecordedEvent {\n    position\n    version\n    eventId\n    type\n    data\n    recordedAt\n    actor\n    source\n    correlationId\n  }\n": typeof types.RecordedEventFieldsFragmentDoc,
    "\n  query History($creditCode: String!) {\n    enterpriseHistory(creditCode: $creditCode) {\n      ...RecordedEventFields\n    }\n  }\n": typeof types.HistoryDocument,
    "\n  query Expiring($withinDays: Int!, $tier: Tier, $district: String, $first: Int, $after: String) {\n    expiringCertifications(withinDays: $withinDays, tier: $tier, district: $district, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          daysLeft\n          enterprise {\n            creditCode\n            name\n            district {\n              code\n              name\n            }\n          }\n          certification {\n            ...CertificationFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExpiringDocument,
    "\n  fragment CommandResultFields on CommandResult {\n    position\n    events {\n      ...RecordedEventFields\n    }\n    enterprise {\n      ...EnterpriseFields\n    }\n  }\n": typeof types.CommandResultFieldsFragmentDoc,
    "\n    mutation RegisterEnterprise($input: RegisterEnterpriseInput!) {\n      result: registerEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": typeof types.RegisterEnterpriseDocument,
    "\n    mutation RenameEnterprise($input: RenameEnterpriseInput!) {\n      result: renameEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": typeof types.RenameEnterpriseDocument,
    "\n    mutation RelocateEnterprise($input: RelocateEnterpriseInput!) {\n      result: relocateEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": typeof types.RelocateEnterpriseDocument,
    "\n    mutation DeregisterEnterprise($input: DeregisterEnterpriseInput!) {\n      result: deregisterEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": typeof types.DeregisterEnterpriseDocument,
    "\n    mutation GrantCertification($input: GrantCertificationInput!) {\n      result: grantCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": typeof types.GrantCertificationDocument,
    "\n    mutation RenewCertification($input: RenewCertificationInput!) {\n      result: renewCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": typeof types.RenewCertificationDocument,
    "\n    mutation RevokeCertification($input: RevokeCertificationInput!) {\n      result: revokeCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": typeof types.RevokeCertificationDocument,
    "\n    mutation RetractCertification($input: RetractCertificationInput!) {\n      result: retractCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": typeof types.RetractCertificationDocument,
    "\n  mutation Import($input: ImportCertificationsInput!) {\n    importCertifications(input: $input) {\n      fileName\n      rows\n      accepted\n      duplicate\n      rejected\n      skipped\n      enterprisesRegistered\n      eventsWritten\n      reportCsv\n      results {\n        rowNumber\n        outcome\n        name\n        creditCode\n        column\n        field\n        rule\n        message\n        candidates\n        action\n        suggestions {\n          creditCode\n          name\n          similarity\n        }\n      }\n    }\n  }\n": typeof types.ImportDocument,
    "\n  fragment ReportFields on PublishedReport {\n    id\n    title\n    asOf\n    district {\n      code\n      name\n    }\n    publishedAt\n    publishedBy\n    supersedes\n  }\n": typeof types.ReportFieldsFragmentDoc,
    "\n  query Reports {\n    reports {\n      ...ReportFields\n    }\n  }\n": typeof types.ReportsDocument,
    "\n  mutation PublishReport($input: PublishReportInput!) {\n    publishReport(input: $input) {\n      ...ReportFields\n    }\n  }\n": typeof types.PublishReportDocument,
    "\n  query Restatement($id: ID!) {\n    reportRestatement(id: $id) {\n      position\n      report {\n        ...ReportFields\n      }\n      rows {\n        tier {\n          tier\n          nameZh\n          nameEn\n        }\n        level\n        metric\n        published\n        now\n        difference\n        events {\n          creditCode\n          name\n          eventId\n          eventType\n          effectiveOn\n          recordedAt\n          recordedBy\n          effect\n        }\n      }\n    }\n  }\n": typeof types.RestatementDocument,
    "\n  # 全市（或一个区）距 2027 年目标的进度\n  query ExampleCohortProgress($asOf: Date, $district: String) {\n    cohortProgress(asOf: $asOf, district: $district) {\n      tier {\n        tier\n        nameZh\n      }\n      level\n      metric\n      current\n      active\n      cumulative\n      target\n      percent\n      onTrack\n    }\n  }\n": typeof types.ExampleCohortProgressDocument,
    "\n  # 各区分布：某一梯度在某日的有效数与累计数；knownAt 给出当时已记录的事实下的数字（发布时的口径）\n  query ExampleDistrictBreakdown($tier: Tier!, $asOf: Date, $knownAt: DateTime) {\n    districtBreakdown(tier: $tier, asOf: $asOf, knownAt: $knownAt) {\n      district {\n        name\n      }\n      active\n      cumulative\n    }\n  }\n": typeof types.ExampleDistrictBreakdownDocument,
    "\n  # 趋势：按季度的新认定与终止，及期末有效数（interval 可为 MONTH、QUARTER、YEAR）\n  query ExampleCohortTrend($tier: Tier!, $from: Date!, $to: Date!, $interval: TrendInterval!) {\n    cohortTrend(tier: $tier, from: $from, to: $to, interval: $interval) {\n      periodStart\n      granted\n      ended\n      active\n    }\n  }\n": typeof types.ExampleCohortTrendDocument,
    "\n  # 审计：一家企业在某日的状态，及其完整事件历史（enterpriseHistory 仅审计员可查）\n  query ExampleEnterpriseAsOf($creditCode: String!, $on: Date!) {\n    enterpriseAsOf(creditCode: $creditCode, on: $on) {\n      on\n      knownAt\n      enterprise {\n        creditCode\n        name\n        district {\n          name\n        }\n        certifications {\n          tier\n          level\n          grantedOn\n          validUntil\n          state\n        }\n      }\n    }\n    enterpriseHistory(creditCode: $creditCode) {\n      type\n      recordedAt\n      actor\n      data\n    }\n  }\n": typeof types.ExampleEnterpriseAsOfDocument,
    "\n  # 实时：读模型每次前进、数字有变化时推送（结果区持续更新）\n  subscription ExampleLiveProgress($district: String) {\n    cohortProgressChanged(district: $district) {\n      tier {\n        nameZh\n      }\n      metric\n      current\n      target\n    }\n  }\n": typeof types.ExampleLiveProgressDocument,
};
const documents: Documents = {
    "\n  query OverdueUpdates($year: Int!, $asOf: Date, $district: String, $first: Int) {\n    overdueAnnualUpdates(year: $year, asOf: $asOf, district: $district, first: $first) {\n      totalCount\n      edges {\n        node {\n          enterprise {\n            creditCode\n            name\n          }\n          dueOn\n          daysOverdue\n          tiers {\n            tier\n            nameZh\n            nameEn\n          }\n        }\n      }\n    }\n  }\n": types.OverdueUpdatesDocument,
    "\n  subscription ProgressChanged($district: String) {\n    cohortProgressChanged(district: $district) {\n      tier {\n        tier\n      }\n      level\n      metric\n      current\n    }\n  }\n": types.ProgressChangedDocument,
    "\n  query ProjectionProgress {\n    projectionStatus {\n      lag\n      etaSeconds\n    }\n  }\n": types.ProjectionProgressDocument,
    "\n  query SignInCheck {\n    projectionStatus {\n      lag\n    }\n  }\n": types.SignInCheckDocument,
    "\n  query ServiceInfo {\n    serviceInfo {\n      name\n      version\n      oidcIssuer\n      oidcClientId\n      oidcScope\n      oidcResource\n    }\n  }\n": types.ServiceInfoDocument,
    "\n  fragment TierFields on TierInfo {\n    tier\n    ladder\n    rung\n    nameZh\n    nameEn\n    grantable\n  }\n": types.TierFieldsFragmentDoc,
    "\n  query Reference {\n    tiers {\n      ...TierFields\n    }\n    districts {\n      code\n      name\n    }\n  }\n": types.ReferenceDocument,
    "\n  query Dashboard($asOf: Date, $district: String) {\n    cohortProgress(asOf: $asOf, district: $district) {\n      tier {\n        ...TierFields\n      }\n      level\n      metric\n      target\n      deadline\n      asOf\n      current\n      district {\n        code\n        name\n      }\n      shareOfCity\n      renewsYearly\n      active\n      cumulative\n      percent\n      remaining\n      requiredMonthlyPace\n      recentMonthlyPace\n      projectedAtDeadline\n      onTrack\n    }\n    projectionStatus {\n      lag\n    }\n  }\n": types.DashboardDocument,
    "\n  mutation SetTarget($input: SetTargetInput!) {\n    setTarget(input: $input) {\n      tier {\n        ...TierFields\n      }\n      district {\n        code\n        name\n      }\n      target\n      metric\n      deadline\n    }\n  }\n": types.SetTargetDocument,
    "\n  query Breakdown($tier: Tier!, $asOf: Date) {\n    districtBreakdown(tier: $tier, asOf: $asOf) {\n      district {\n        code\n        name\n      }\n      active\n      cumulative\n    }\n  }\n": types.BreakdownDocument,
    "\n  query Trend($tier: Tier!, $from: Date!, $to: Date!, $district: String) {\n    cohortTrend(tier: $tier, from: $from, to: $to, interval: MONTH, district: $district) {\n      periodStart\n      active\n      cumulative\n      granted\n      renewed\n      ended\n    }\n  }\n": types.TrendDocument,
    "\n  fragment FunnelStepFields on FunnelStep {\n    tier {\n      ...TierFields\n    }\n    reached\n    fromPrevious\n    conversionRate\n    medianDaysFromPrevious\n  }\n": types.FunnelStepFieldsFragmentDoc,
    "\n  query Funnels($on: Date) {\n    ladder: tiers(on: $on) {\n      ...TierFields\n    }\n    tech: ladderFunnel(ladder: TECH) {\n      ...FunnelStepFields\n    }\n    specialized: ladderFunnel(ladder: SPECIALIZED) {\n      ...FunnelStepFields\n    }\n  }\n": types.FunnelsDocument,
    "\n  fragment CertificationFields on Certification {\n    eventId\n    tier\n    level\n    certificateNo\n    grantedOn\n    validUntil\n    endedOn\n    state\n    batch\n    renewals {\n      eventId\n      renewedOn\n      validUntil\n      certificateNo\n    }\n  }\n": types.CertificationFieldsFragmentDoc,
    "\n  fragment EnterpriseFields on Enterprise {\n    creditCode\n    name\n    formerNames\n    district {\n      code\n      name\n    }\n    industryCode\n    deregisteredOn\n    version\n    positions {\n      ladder\n      tier\n      rung\n    }\n    certifications {\n      ...CertificationFields\n    }\n  }\n": types.EnterpriseFieldsFragmentDoc,
    "\n  query Enterprises($filter: EnterpriseFilter, $first: Int, $after: String) {\n    enterprises(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          creditCode\n          name\n          district {\n            code\n            name\n          }\n          positions {\n            ladder\n            tier\n            rung\n          }\n        }\n      }\n    }\n  }\n": types.EnterprisesDocument,
    "\n  query EnterpriseBrief($creditCode: String!) {\n    enterprise(creditCode: $creditCode) {\n      creditCode\n      name\n      district {\n        code\n        name\n      }\n    }\n  }\n": types.EnterpriseBriefDocument,
    "\n  query Enterprise($creditCode: String!) {\n    enterprise(creditCode: $creditCode) {\n      ...EnterpriseFields\n    }\n  }\n": types.EnterpriseDocument,
    "\n  query EnterpriseAsOf($creditCode: String!, $on: Date!, $knownAt: DateTime) {\n    enterpriseAsOf(creditCode: $creditCode, on: $on, knownAt: $knownAt) {\n      on\n      knownAt\n      enterprise {\n        ...EnterpriseFields\n      }\n    }\n  }\n": types.EnterpriseAsOfDocument,
    "\n  fragment RecordedEventFields on RecordedEvent {\n    position\n    version\n    eventId\n    type\n    data\n    recordedAt\n    actor\n    source\n    correlationId\n  }\n": types.RecordedEventFieldsFragmentDoc,
    "\n  query History($creditCode: String!) {\n    enterpriseHistory(creditCode: $creditCode) {\n      ...RecordedEventFields\n    }\n  }\n": types.HistoryDocument,
    "\n  query Expiring($withinDays: Int!, $tier: Tier, $district: String, $first: Int, $after: String) {\n    expiringCertifications(withinDays: $withinDays, tier: $tier, district: $district, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          daysLeft\n          enterprise {\n            creditCode\n            name\n            district {\n              code\n              name\n            }\n          }\n          certification {\n            ...CertificationFields\n          }\n        }\n      }\n    }\n  }\n": types.ExpiringDocument,
    "\n  fragment CommandResultFields on CommandResult {\n    position\n    events {\n      ...RecordedEventFields\n    }\n    enterprise {\n      ...EnterpriseFields\n    }\n  }\n": types.CommandResultFieldsFragmentDoc,
    "\n    mutation RegisterEnterprise($input: RegisterEnterpriseInput!) {\n      result: registerEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": types.RegisterEnterpriseDocument,
    "\n    mutation RenameEnterprise($input: RenameEnterpriseInput!) {\n      result: renameEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": types.RenameEnterpriseDocument,
    "\n    mutation RelocateEnterprise($input: RelocateEnterpriseInput!) {\n      result: relocateEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": types.RelocateEnterpriseDocument,
    "\n    mutation DeregisterEnterprise($input: DeregisterEnterpriseInput!) {\n      result: deregisterEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": types.DeregisterEnterpriseDocument,
    "\n    mutation GrantCertification($input: GrantCertificationInput!) {\n      result: grantCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": types.GrantCertificationDocument,
    "\n    mutation RenewCertification($input: RenewCertificationInput!) {\n      result: renewCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": types.RenewCertificationDocument,
    "\n    mutation RevokeCertification($input: RevokeCertificationInput!) {\n      result: revokeCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": types.RevokeCertificationDocument,
    "\n    mutation RetractCertification($input: RetractCertificationInput!) {\n      result: retractCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  ": types.RetractCertificationDocument,
    "\n  mutation Import($input: ImportCertificationsInput!) {\n    importCertifications(input: $input) {\n      fileName\n      rows\n      accepted\n      duplicate\n      rejected\n      skipped\n      enterprisesRegistered\n      eventsWritten\n      reportCsv\n      results {\n        rowNumber\n        outcome\n        name\n        creditCode\n        column\n        field\n        rule\n        message\n        candidates\n        action\n        suggestions {\n          creditCode\n          name\n          similarity\n        }\n      }\n    }\n  }\n": types.ImportDocument,
    "\n  fragment ReportFields on PublishedReport {\n    id\n    title\n    asOf\n    district {\n      code\n      name\n    }\n    publishedAt\n    publishedBy\n    supersedes\n  }\n": types.ReportFieldsFragmentDoc,
    "\n  query Reports {\n    reports {\n      ...ReportFields\n    }\n  }\n": types.ReportsDocument,
    "\n  mutation PublishReport($input: PublishReportInput!) {\n    publishReport(input: $input) {\n      ...ReportFields\n    }\n  }\n": types.PublishReportDocument,
    "\n  query Restatement($id: ID!) {\n    reportRestatement(id: $id) {\n      position\n      report {\n        ...ReportFields\n      }\n      rows {\n        tier {\n          tier\n          nameZh\n          nameEn\n        }\n        level\n        metric\n        published\n        now\n        difference\n        events {\n          creditCode\n          name\n          eventId\n          eventType\n          effectiveOn\n          recordedAt\n          recordedBy\n          effect\n        }\n      }\n    }\n  }\n": types.RestatementDocument,
    "\n  # 全市（或一个区）距 2027 年目标的进度\n  query ExampleCohortProgress($asOf: Date, $district: String) {\n    cohortProgress(asOf: $asOf, district: $district) {\n      tier {\n        tier\n        nameZh\n      }\n      level\n      metric\n      current\n      active\n      cumulative\n      target\n      percent\n      onTrack\n    }\n  }\n": types.ExampleCohortProgressDocument,
    "\n  # 各区分布：某一梯度在某日的有效数与累计数；knownAt 给出当时已记录的事实下的数字（发布时的口径）\n  query ExampleDistrictBreakdown($tier: Tier!, $asOf: Date, $knownAt: DateTime) {\n    districtBreakdown(tier: $tier, asOf: $asOf, knownAt: $knownAt) {\n      district {\n        name\n      }\n      active\n      cumulative\n    }\n  }\n": types.ExampleDistrictBreakdownDocument,
    "\n  # 趋势：按季度的新认定与终止，及期末有效数（interval 可为 MONTH、QUARTER、YEAR）\n  query ExampleCohortTrend($tier: Tier!, $from: Date!, $to: Date!, $interval: TrendInterval!) {\n    cohortTrend(tier: $tier, from: $from, to: $to, interval: $interval) {\n      periodStart\n      granted\n      ended\n      active\n    }\n  }\n": types.ExampleCohortTrendDocument,
    "\n  # 审计：一家企业在某日的状态，及其完整事件历史（enterpriseHistory 仅审计员可查）\n  query ExampleEnterpriseAsOf($creditCode: String!, $on: Date!) {\n    enterpriseAsOf(creditCode: $creditCode, on: $on) {\n      on\n      knownAt\n      enterprise {\n        creditCode\n        name\n        district {\n          name\n        }\n        certifications {\n          tier\n          level\n          grantedOn\n          validUntil\n          state\n        }\n      }\n    }\n    enterpriseHistory(creditCode: $creditCode) {\n      type\n      recordedAt\n      actor\n      data\n    }\n  }\n": types.ExampleEnterpriseAsOfDocument,
    "\n  # 实时：读模型每次前进、数字有变化时推送（结果区持续更新）\n  subscription ExampleLiveProgress($district: String) {\n    cohortProgressChanged(district: $district) {\n      tier {\n        nameZh\n      }\n      metric\n      current\n      target\n    }\n  }\n": types.ExampleLiveProgressDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueUpdates($year: Int!, $asOf: Date, $district: String, $first: Int) {\n    overdueAnnualUpdates(year: $year, asOf: $asOf, district: $district, first: $first) {\n      totalCount\n      edges {\n        node {\n          enterprise {\n            creditCode\n            name\n          }\n          dueOn\n          daysOverdue\n          tiers {\n            tier\n            nameZh\n            nameEn\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OverdueUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProgressChanged($district: String) {\n    cohortProgressChanged(district: $district) {\n      tier {\n        tier\n      }\n      level\n      metric\n      current\n    }\n  }\n"): typeof import('./graphql').ProgressChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectionProgress {\n    projectionStatus {\n      lag\n      etaSeconds\n    }\n  }\n"): typeof import('./graphql').ProjectionProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInCheck {\n    projectionStatus {\n      lag\n    }\n  }\n"): typeof import('./graphql').SignInCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceInfo {\n    serviceInfo {\n      name\n      version\n      oidcIssuer\n      oidcClientId\n      oidcScope\n      oidcResource\n    }\n  }\n"): typeof import('./graphql').ServiceInfoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierFields on TierInfo {\n    tier\n    ladder\n    rung\n    nameZh\n    nameEn\n    grantable\n  }\n"): typeof import('./graphql').TierFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reference {\n    tiers {\n      ...TierFields\n    }\n    districts {\n      code\n      name\n    }\n  }\n"): typeof import('./graphql').ReferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($asOf: Date, $district: String) {\n    cohortProgress(asOf: $asOf, district: $district) {\n      tier {\n        ...TierFields\n      }\n      level\n      metric\n      target\n      deadline\n      asOf\n      current\n      district {\n        code\n        name\n      }\n      shareOfCity\n      renewsYearly\n      active\n      cumulative\n      percent\n      remaining\n      requiredMonthlyPace\n      recentMonthlyPace\n      projectedAtDeadline\n      onTrack\n    }\n    projectionStatus {\n      lag\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTarget($input: SetTargetInput!) {\n    setTarget(input: $input) {\n      tier {\n        ...TierFields\n      }\n      district {\n        code\n        name\n      }\n      target\n      metric\n      deadline\n    }\n  }\n"): typeof import('./graphql').SetTargetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Breakdown($tier: Tier!, $asOf: Date) {\n    districtBreakdown(tier: $tier, asOf: $asOf) {\n      district {\n        code\n        name\n      }\n      active\n      cumulative\n    }\n  }\n"): typeof import('./graphql').BreakdownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trend($tier: Tier!, $from: Date!, $to: Date!, $district: String) {\n    cohortTrend(tier: $tier, from: $from, to: $to, interval: MONTH, district: $district) {\n      periodStart\n      active\n      cumulative\n      granted\n      renewed\n      ended\n    }\n  }\n"): typeof import('./graphql').TrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FunnelStepFields on FunnelStep {\n    tier {\n      ...TierFields\n    }\n    reached\n    fromPrevious\n    conversionRate\n    medianDaysFromPrevious\n  }\n"): typeof import('./graphql').FunnelStepFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Funnels($on: Date) {\n    ladder: tiers(on: $on) {\n      ...TierFields\n    }\n    tech: ladderFunnel(ladder: TECH) {\n      ...FunnelStepFields\n    }\n    specialized: ladderFunnel(ladder: SPECIALIZED) {\n      ...FunnelStepFields\n    }\n  }\n"): typeof import('./graphql').FunnelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CertificationFields on Certification {\n    eventId\n    tier\n    level\n    certificateNo\n    grantedOn\n    validUntil\n    endedOn\n    state\n    batch\n    renewals {\n      eventId\n      renewedOn\n      validUntil\n      certificateNo\n    }\n  }\n"): typeof import('./graphql').CertificationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EnterpriseFields on Enterprise {\n    creditCode\n    name\n    formerNames\n    district {\n      code\n      name\n    }\n    industryCode\n    deregisteredOn\n    version\n    positions {\n      ladder\n      tier\n      rung\n    }\n    certifications {\n      ...CertificationFields\n    }\n  }\n"): typeof import('./graphql').EnterpriseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Enterprises($filter: EnterpriseFilter, $first: Int, $after: String) {\n    enterprises(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          creditCode\n          name\n          district {\n            code\n            name\n          }\n          positions {\n            ladder\n            tier\n            rung\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').EnterprisesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnterpriseBrief($creditCode: String!) {\n    enterprise(creditCode: $creditCode) {\n      creditCode\n      name\n      district {\n        code\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').EnterpriseBriefDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Enterprise($creditCode: String!) {\n    enterprise(creditCode: $creditCode) {\n      ...EnterpriseFields\n    }\n  }\n"): typeof import('./graphql').EnterpriseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnterpriseAsOf($creditCode: String!, $on: Date!, $knownAt: DateTime) {\n    enterpriseAsOf(creditCode: $creditCode, on: $on, knownAt: $knownAt) {\n      on\n      knownAt\n      enterprise {\n        ...EnterpriseFields\n      }\n    }\n  }\n"): typeof import('./graphql').EnterpriseAsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecordedEventFields on RecordedEvent {\n    position\n    version\n    eventId\n    type\n    data\n    recordedAt\n    actor\n    source\n    correlationId\n  }\n"): typeof import('./graphql').RecordedEventFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query History($creditCode: String!) {\n    enterpriseHistory(creditCode: $creditCode) {\n      ...RecordedEventFields\n    }\n  }\n"): typeof import('./graphql').HistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Expiring($withinDays: Int!, $tier: Tier, $district: String, $first: Int, $after: String) {\n    expiringCertifications(withinDays: $withinDays, tier: $tier, district: $district, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          daysLeft\n          enterprise {\n            creditCode\n            name\n            district {\n              code\n              name\n            }\n          }\n          certification {\n            ...CertificationFields\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExpiringDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommandResultFields on CommandResult {\n    position\n    events {\n      ...RecordedEventFields\n    }\n    enterprise {\n      ...EnterpriseFields\n    }\n  }\n"): typeof import('./graphql').CommandResultFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RegisterEnterprise($input: RegisterEnterpriseInput!) {\n      result: registerEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  "): typeof import('./graphql').RegisterEnterpriseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RenameEnterprise($input: RenameEnterpriseInput!) {\n      result: renameEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  "): typeof import('./graphql').RenameEnterpriseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RelocateEnterprise($input: RelocateEnterpriseInput!) {\n      result: relocateEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  "): typeof import('./graphql').RelocateEnterpriseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation DeregisterEnterprise($input: DeregisterEnterpriseInput!) {\n      result: deregisterEnterprise(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  "): typeof import('./graphql').DeregisterEnterpriseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation GrantCertification($input: GrantCertificationInput!) {\n      result: grantCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  "): typeof import('./graphql').GrantCertificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RenewCertification($input: RenewCertificationInput!) {\n      result: renewCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  "): typeof import('./graphql').RenewCertificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RevokeCertification($input: RevokeCertificationInput!) {\n      result: revokeCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  "): typeof import('./graphql').RevokeCertificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RetractCertification($input: RetractCertificationInput!) {\n      result: retractCertification(input: $input) {\n        ...CommandResultFields\n      }\n    }\n  "): typeof import('./graphql').RetractCertificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Import($input: ImportCertificationsInput!) {\n    importCertifications(input: $input) {\n      fileName\n      rows\n      accepted\n      duplicate\n      rejected\n      skipped\n      enterprisesRegistered\n      eventsWritten\n      reportCsv\n      results {\n        rowNumber\n        outcome\n        name\n        creditCode\n        column\n        field\n        rule\n        message\n        candidates\n        action\n        suggestions {\n          creditCode\n          name\n          similarity\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportFields on PublishedReport {\n    id\n    title\n    asOf\n    district {\n      code\n      name\n    }\n    publishedAt\n    publishedBy\n    supersedes\n  }\n"): typeof import('./graphql').ReportFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reports {\n    reports {\n      ...ReportFields\n    }\n  }\n"): typeof import('./graphql').ReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishReport($input: PublishReportInput!) {\n    publishReport(input: $input) {\n      ...ReportFields\n    }\n  }\n"): typeof import('./graphql').PublishReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Restatement($id: ID!) {\n    reportRestatement(id: $id) {\n      position\n      report {\n        ...ReportFields\n      }\n      rows {\n        tier {\n          tier\n          nameZh\n          nameEn\n        }\n        level\n        metric\n        published\n        now\n        difference\n        events {\n          creditCode\n          name\n          eventId\n          eventType\n          effectiveOn\n          recordedAt\n          recordedBy\n          effect\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RestatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # 全市（或一个区）距 2027 年目标的进度\n  query ExampleCohortProgress($asOf: Date, $district: String) {\n    cohortProgress(asOf: $asOf, district: $district) {\n      tier {\n        tier\n        nameZh\n      }\n      level\n      metric\n      current\n      active\n      cumulative\n      target\n      percent\n      onTrack\n    }\n  }\n"): typeof import('./graphql').ExampleCohortProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # 各区分布：某一梯度在某日的有效数与累计数；knownAt 给出当时已记录的事实下的数字（发布时的口径）\n  query ExampleDistrictBreakdown($tier: Tier!, $asOf: Date, $knownAt: DateTime) {\n    districtBreakdown(tier: $tier, asOf: $asOf, knownAt: $knownAt) {\n      district {\n        name\n      }\n      active\n      cumulative\n    }\n  }\n"): typeof import('./graphql').ExampleDistrictBreakdownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # 趋势：按季度的新认定与终止，及期末有效数（interval 可为 MONTH、QUARTER、YEAR）\n  query ExampleCohortTrend($tier: Tier!, $from: Date!, $to: Date!, $interval: TrendInterval!) {\n    cohortTrend(tier: $tier, from: $from, to: $to, interval: $interval) {\n      periodStart\n      granted\n      ended\n      active\n    }\n  }\n"): typeof import('./graphql').ExampleCohortTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # 审计：一家企业在某日的状态，及其完整事件历史（enterpriseHistory 仅审计员可查）\n  query ExampleEnterpriseAsOf($creditCode: String!, $on: Date!) {\n    enterpriseAsOf(creditCode: $creditCode, on: $on) {\n      on\n      knownAt\n      enterprise {\n        creditCode\n        name\n        district {\n          name\n        }\n        certifications {\n          tier\n          level\n          grantedOn\n          validUntil\n          state\n        }\n      }\n    }\n    enterpriseHistory(creditCode: $creditCode) {\n      type\n      recordedAt\n      actor\n      data\n    }\n  }\n"): typeof import('./graphql').ExampleEnterpriseAsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # 实时：读模型每次前进、数字有变化时推送（结果区持续更新）\n  subscription ExampleLiveProgress($district: String) {\n    cohortProgressChanged(district: $district) {\n      tier {\n        nameZh\n      }\n      metric\n      current\n      target\n    }\n  }\n"): typeof import('./graphql').ExampleLiveProgressDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
