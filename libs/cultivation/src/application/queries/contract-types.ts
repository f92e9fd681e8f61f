// Plain result shapes matching schema.graphql field for field; Date fields are 'YYYY-MM-DD' strings.
import type { CertificationLevel, CertificationState, Ladder, TargetMetric, Tier } from '../../domain';

export interface TierInfo {
  tier: Tier;
  ladder: Ladder;
  rung: number;
  nameZh: string;
  nameEn: string;
  grantable: boolean;
  members: Tier[];
}
export interface PolicyVersionInfo {
  id: string;
  effectiveFrom: string;
  source: string;
  summary: string;
}
export interface DistrictInfo {
  code: string;
  name: string;
}

export interface TargetProgress {
  tier: TierInfo;
  level: CertificationLevel | null;
  metric: TargetMetric;
  target: number | null;
  deadline: string | null;
  asOf: string;
  current: number;
  /** The district the row counts; null for the city. */
  district: DistrictInfo | null;
  /** A district's `current` over the city's (same date, metric and level); null for the city or an empty city. */
  shareOfCity: number | null;
  /** Every registration of the tier ends on 31 December: its projection compares the same day a year apart. */
  renewsYearly: boolean;
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
  district: DistrictInfo;
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
  tier: Tier;
  level: CertificationLevel;
  certificateNo: string | null;
  grantedOn: string;
  validUntil: string;
  endedOn: string | null;
  state: CertificationState;
  batch: string | null;
  /** Live renewals, oldest first. */
  renewals: CertificationRenewal[];
}
export interface LadderPosition {
  ladder: Ladder;
  tier: Tier | null;
  rung: number;
}
export interface Enterprise {
  creditCode: string;
  name: string;
  formerNames: string[];
  district: DistrictInfo;
  industryCode: string | null;
  deregisteredOn: string | null;
  certifications: Certification[];
  positions: LadderPosition[];
  version: number;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}
export interface ExpiringCertification {
  enterprise: Enterprise;
  certification: Certification;
  daysLeft: number;
}

export interface ProjectionStatus {
  position: string;
  headPosition: string;
  lag: number;
  rebuilding: boolean;
  etaSeconds: number | null;
  projectionVersion: number;
  snapshotVersion: number;
  versionMismatch: string | null;
  stalledAt: string | null;
  error: string | null;
}
