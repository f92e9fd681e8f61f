// Stream `report-<id>`: figures as they were published, never changed afterwards (a later report may
// supersede one). Stream `reports`: the catalogue, one entry per report, so the list is read without a scan.
import type { CalendarDate } from '../shared/calendar-date';

/** One published row: the progress row as it was answered, kept whole (JSON). */
export type PublishedRow = Readonly<Record<string, unknown>> & {
  readonly tier: { readonly tier: string };
  readonly level: string | null;
  readonly metric: string;
  readonly current: number;
};

export interface ReportPublishedData {
  readonly reportId: string;
  readonly title: string;
  readonly asOf: CalendarDate;
  /** null: the city. */
  readonly district: string | null;
  /** The read models' log position the rows were computed at. */
  readonly position: string;
  readonly supersedes: string | null;
  readonly rows: readonly PublishedRow[];
}

export type ReportPublished = { type: 'ReportPublished'; data: ReportPublishedData };
export type ReportListed = {
  type: 'ReportListed';
  data: { reportId: string; title: string; asOf: CalendarDate; district: string | null };
};
export type ReportEvent = ReportPublished | ReportListed;
export type ReportEventType = ReportEvent['type'];

export const REPORT_STREAM_PREFIX = 'report-';
/** The catalogue of reports. */
export const REPORTS_STREAM = 'reports';

/** The stream of one report. */
export function reportStreamName(reportId: string): string {
  return `${REPORT_STREAM_PREFIX}${reportId}`;
}
