import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, StoredEvent } from '@cl/event-store';
import {
  currentDistrict,
  enterpriseDecider,
  enterpriseStreamName,
  parseCalendarDate,
  parseCreditCode,
  stateAsOf,
  type CalendarDate,
  type EnterpriseEvent,
  type EnterpriseState,
} from '../../domain';
import { Clock } from '../clock';
import { loadStream, toEnvelope } from '../commands/stream-reader';
import { EVENT_STORE } from '../tokens';
import { assertLocatedInScope, type ReadScope } from '../queries/read-scope';

/** What the system knew at `knownAt` about an enterprise as of the effective date `on`. */
export interface EnterpriseSnapshotResult {
  on: CalendarDate;
  knownAt: Date;
  state: EnterpriseState;
  /** Version of the last event known at `knownAt` (-1 when none). */
  version: number;
}

/** Audit replay: reads the stream itself, never the read models (the log is the record). */
@Injectable()
export class AuditQueries {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /** Every event of the enterprise's stream with its metadata, oldest first. */
  history(creditCode: string): Promise<StoredEvent[]> {
    return this.store.readStream(enterpriseStreamName(parseCreditCode(creditCode)));
  }

  /**
   * The enterprise's state on `on`, from the events recorded by `knownAt` (default: now). A scoped reader sees only
   * an enterprise located in their district now (where it was then does not widen what they may read).
   */
  async asOf(
    creditCode: string,
    on: string,
    knownAt?: Date | null,
    scope: ReadScope = null,
  ): Promise<EnterpriseSnapshotResult> {
    const date = parseCalendarDate(on, 'on');
    const stream = enterpriseStreamName(parseCreditCode(creditCode));
    if (scope !== null) await this.assertInScope(stream, scope);
    const stored = await this.store.readStream(stream, knownAt ? { recordedUpTo: knownAt } : {});
    // Without knownAt: everything recorded so far (the store's recording clock, not the business clock).
    const last = stored.at(-1)?.recordedAt;
    const known = knownAt ?? (last && last > this.clock.now() ? last : this.clock.now());
    const state = stateAsOf(
      stored.map((e) => toEnvelope<EnterpriseEvent>(e)),
      date,
      known.toISOString(),
    );
    return { on: date, knownAt: known, state, version: stored.at(-1)?.version ?? -1 };
  }

  private async assertInScope(stream: string, scope: string): Promise<void> {
    const { state } = await loadStream(this.store, stream, enterpriseDecider);
    assertLocatedInScope(scope, state.status === 'UNREGISTERED' ? null : currentDistrict(state));
  }
}
