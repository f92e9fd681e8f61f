// The shapes of the reports API (schema.graphql: PublishedReport, Restatement), as the application returns them.
import type { DistrictInfo, TargetProgress, TierInfo } from '../queries/contract-types';

export interface PublishedReportView {
  id: string;
  title: string;
  asOf: string;
  district: DistrictInfo | null;
  publishedAt: Date;
  publishedBy: string;
  position: string;
  rows: TargetProgress[];
  supersedes: string | null;
}

export interface RestatementEventView {
  creditCode: string;
  name: string;
  eventId: string;
  eventType: string;
  effectiveOn: string | null;
  recordedAt: Date;
  recordedBy: string;
  effect: number;
}

export interface RestatementRowView {
  tier: TierInfo;
  level: string | null;
  metric: string;
  published: number;
  now: number;
  difference: number;
  events: RestatementEventView[];
}

export interface RestatementView {
  report: PublishedReportView;
  position: string;
  rows: RestatementRowView[];
}
