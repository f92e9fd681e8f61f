// The rules of publishing a report (pure: today and what exists arrive as arguments).
import { InvalidInput, NotFound, RuleViolation } from '../errors';
import { requiredText } from '../enterprise/input';
import { parseCalendarDate, type CalendarDate } from '../shared/calendar-date';
import type { PublishedRow, ReportEvent, ReportPublishedData } from './report-events';

/** Longest report title. */
export const MAX_REPORT_TITLE = 200;

export interface PublishReportRequest {
  readonly title: unknown;
  readonly asOf: unknown;
  /** Already checked against the actor's scope; null: the city. */
  readonly district: string | null;
  readonly supersedes: string | null;
}

/** The title and date of a request, checked: a title, a date not after today. */
export function checkReportRequest(
  req: PublishReportRequest,
  today: CalendarDate,
): { title: string; asOf: CalendarDate } {
  const title = requiredText(req.title, 'title', 'TITLE_REQUIRED', MAX_REPORT_TITLE);
  const asOf = parseCalendarDate(req.asOf, 'asOf');
  if (asOf > today) throw new InvalidInput('EFFECTIVE_DATE_IN_FUTURE', 'asOf', `asOf ${asOf} is after today`);
  return { title, asOf };
}

/**
 * The events of a publication: the report in its own stream and its catalogue entry. A superseded report must
 * exist and cover the same scope (the city, or the same district).
 */
export function publishReport(
  req: PublishReportRequest,
  today: CalendarDate,
  computed: { reportId: string; position: string; rows: readonly PublishedRow[] },
  superseded: { district: string | null } | null,
): { report: ReportEvent; listed: ReportEvent } {
  const { title, asOf } = checkReportRequest(req, today);
  if (req.supersedes !== null) {
    if (!superseded) throw new NotFound('REPORT_NOT_FOUND', 'supersedes', `no report ${req.supersedes}`);
    if (superseded.district !== req.district)
      throw new RuleViolation('REPORT_SCOPE_MISMATCH', 'supersedes', 'a report supersedes only one of the same scope');
  }
  const data: ReportPublishedData = { ...computed, title, asOf, district: req.district, supersedes: req.supersedes };
  return {
    report: { type: 'ReportPublished', data },
    listed: { type: 'ReportListed', data: { reportId: computed.reportId, title, asOf, district: req.district } },
  };
}
