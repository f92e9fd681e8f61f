// Published reports: the figures as published (stream report-<id>, listed in stream `reports`), and their
// restatement: the same question asked now, with the events recorded since that explain each difference.
import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, type EventStore, type StoredEvent } from '@cl/event-store';
import { AccessDenied, hasRole, type Actor } from '@cl/platform';
import { DataSource } from 'typeorm';
import {
  countKey,
  districtByCode,
  effectiveDateOf,
  checkReportRequest,
  NotFound,
  publishReport,
  REPORTS_STREAM,
  reportStreamName,
  upcastRecorded,
  type CalendarDate,
  type PublishedRow,
  type ReportListed,
  type ReportPublishedData,
} from '../../domain';
import {
  readCounts,
  readCountsAtCheckpoint,
  readLiveCheckpoint,
  readTargets,
  type CountMetric,
} from '../../read-models';
import { Clock } from '../clock';
import { assertSameCommand, commandFingerprint } from '../commands/idempotency';
import { toNewEvents } from '../commands/command-executor';
import type { CommandContext } from '../commands/command-context';
import { EVENT_STORE } from '../tokens';
import { cohortProgress } from '../queries/progress/cohort-progress';
import { contributionQuery, inOneSnapshot } from '../queries/as-known-at/counts-known-at';
import { eventsAfterPosition, lateChanges } from '../queries/as-known-at/late-changes';
import { districtArg } from '../queries/query-input';
import type { TargetProgress } from '../queries/contract-types';
import type { PublishedReportView, RestatementView } from './report-types';

export interface PublishReportInput {
  title: unknown;
  asOf: unknown;
  district?: string | null;
  supersedes?: string | null;
}

const REPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A report id: derived from the caller's command id (so a repeat finds the same report), else random. */
function reportIdFor(actor: Actor, commandId: string | null | undefined): string {
  if (!commandId) return randomUUID();
  const h = createHash('sha256').update(`${actor.sub}\u0000${commandId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The report's view from its stored event. */
function toView(stored: StoredEvent): PublishedReportView {
  const data = upcastRecorded(stored).data as ReportPublishedData;
  const district = data.district === null ? null : (districtByCode(data.district) ?? null);
  return {
    id: data.reportId,
    title: data.title,
    asOf: data.asOf,
    district: district && { code: district.code, name: district.name },
    publishedAt: stored.recordedAt,
    publishedBy: String((stored.metadata.actor as { sub?: unknown } | undefined)?.sub ?? ''),
    position: data.position,
    rows: data.rows as unknown as TargetProgress[],
    supersedes: data.supersedes,
  };
}

/** Whether a reader sees reports of this scope: city-wide readers all, a district official the city's and theirs. */
function visible(actor: Actor, district: string | null): boolean {
  if (hasRole(actor, 'MUNICIPAL_OFFICIAL', 'ANALYST', 'AUDITOR')) return true;
  return district === null || district === actor.district;
}

@Injectable()
export class ReportService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Publishes the cohortProgress rows of `asOf` for the city or one district, as the read models hold them now. */
  async publish(input: PublishReportInput, ctx: CommandContext): Promise<PublishedReportView> {
    const district = districtArg(input.district);
    const supersedes = input.supersedes ?? null;
    const { actor } = ctx;
    const municipal = hasRole(actor, 'MUNICIPAL_OFFICIAL');
    if (!municipal && !(hasRole(actor, 'DISTRICT_OFFICIAL') && district !== null && district === actor.district)) {
      throw new AccessDenied(
        'FORBIDDEN',
        'A municipal official publishes for the city or any district, a district official for their district only',
        'DISTRICT_SCOPE',
        'district',
      );
    }
    const reportId = reportIdFor(actor, ctx.commandId);
    const streamId = reportStreamName(reportId);
    const fingerprint = ctx.commandId
      ? commandFingerprint(actor.sub, 'PublishReport', streamId, { ...input, district, supersedes })
      : undefined;
    if (ctx.commandId) {
      const first = await this.store.findCommand(ctx.commandId);
      if (first) {
        assertSameCommand(first.events, ctx.commandId, fingerprint!, actor.sub);
        return toView(first.events[0]!);
      }
    }
    const superseded = supersedes === null ? null : await this.find(supersedes);
    const today = this.clock.today();
    const request = { title: input.title, asOf: input.asOf, district, supersedes };
    // The rows and the log position they were computed at, from one snapshot of the read models.
    const { asOf } = checkReportRequest(request, today);
    const computed = await inOneSnapshot(this.dataSource, async (sql) => ({
      position: (await readLiveCheckpoint(sql)).position ?? '0',
      rows: await cohortProgress((q) => readCounts(sql, q), asOf, district, readTargets(sql)),
    }));
    const { report, listed } = publishReport(
      request,
      today,
      { reportId, position: computed.position, rows: computed.rows as unknown as PublishedRow[] },
      superseded && { district: superseded.district?.code ?? null },
    );
    const commandId = ctx.commandId ?? randomUUID();
    const [written] = await this.store.appendMany([
      { streamId, events: toNewEvents([report], ctx, commandId, fingerprint), expected: 'NO_STREAM', commandId },
      { streamId: REPORTS_STREAM, events: toNewEvents([listed], ctx, commandId, fingerprint), expected: 'ANY' },
    ]);
    return toView(written!.events[0]!);
  }

  /** Reports newest first: those the actor may see, of one scope when `district` is given. */
  async list(actor: Actor, district?: string | null): Promise<PublishedReportView[]> {
    const only = districtArg(district);
    const entries = (await this.store.readStream(REPORTS_STREAM))
      .map((e) => upcastRecorded(e).data as ReportListed['data'])
      .filter((d) => visible(actor, d.district) && (only === null || d.district === only));
    const streams = await this.store.readStreams(entries.map((d) => reportStreamName(d.reportId)));
    return [...streams.values()]
      .flatMap((events) => events.slice(0, 1).map(toView))
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || comparePositions(b.position, a.position));
  }

  /** One report; null when there is none; FORBIDDEN for another district's. */
  async get(actor: Actor, id: string): Promise<PublishedReportView | null> {
    const report = await this.find(id);
    if (report && !visible(actor, report.district?.code ?? null)) {
      throw new AccessDenied('FORBIDDEN', 'This report is of another district', 'DISTRICT_SCOPE', 'id');
    }
    return report;
  }

  /**
   * The report's rows beside the same question asked now (same asOf, same scope, each row's metric and level),
   * with every event recorded after the report's position that moved the row, and by how much: the effects
   * of a row sum to its difference.
   */
  async restatement(actor: Actor, id: string): Promise<RestatementView> {
    const report = await this.get(actor, id);
    if (!report) throw new NotFound('REPORT_NOT_FOUND', 'id', `no report ${id}`);
    const where = report.district?.code ?? '*';
    const metrics = [...new Set(report.rows.map((r) => r.metric as CountMetric))];
    const q = { dates: [report.asOf as CalendarDate], districts: [where], metrics };
    const { position, cells } = await readCountsAtCheckpoint(this.dataSource, q);
    const now = new Map(cells.map((c) => [countKey(c.on, c.district, c.metric, c.tier, c.level), c.count]));
    const upTo = position ?? report.position;
    const late = await eventsAfterPosition(this.store, report.position, upTo);
    const known = (e: StoredEvent) => comparePositions(e.position, report.position) <= 0;
    const changes = await lateChanges(this.store, late, upTo, known, contributionQuery(q));
    return {
      report,
      position: upTo,
      rows: report.rows.map((row) => {
        const key = countKey(report.asOf, where, row.metric, row.tier.tier, row.level ?? 'ANY');
        const figure = now.get(key) ?? 0;
        return {
          tier: row.tier,
          level: row.level ?? null,
          metric: row.metric,
          published: row.current,
          now: figure,
          difference: figure - row.current,
          events: changes
            .filter((c) => c.change.has(key))
            .map((c) => ({
              creditCode: c.enterprise.status === 'UNREGISTERED' ? '' : c.enterprise.creditCode,
              name: c.enterprise.status === 'UNREGISTERED' ? '' : c.enterprise.name,
              eventId: c.stored.eventId,
              eventType: c.stored.type,
              effectiveOn: effectiveDateOf(c.event),
              recordedAt: c.stored.recordedAt,
              recordedBy: String((c.stored.metadata.actor as { sub?: unknown } | undefined)?.sub ?? ''),
              effect: c.change.get(key)!,
            }))
            .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime()),
        };
      }),
    };
  }

  private async find(id: string): Promise<PublishedReportView | null> {
    if (!REPORT_ID.test(id)) return null;
    const [first] = await this.store.readStream(reportStreamName(id));
    return first ? toView(first) : null;
  }
}
