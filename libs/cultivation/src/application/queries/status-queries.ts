import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@cl/event-store';
import { DataSource } from 'typeorm';
import { EVENT_STORE } from '../tokens';
import type { ProjectionStatus } from './contract-types';
import { projectionStatus, projectorStall, waitForPosition } from './status/projection-status';

/** Where the read models stand relative to the log, and read-your-writes waiting. */
@Injectable()
export class ProjectionStatusQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Checkpoint, head, lag (capped at LAG_COUNT_LIMIT) and whether a rebuild runs. */
  projectionStatus(): Promise<ProjectionStatus> {
    return projectionStatus(this.dataSource, this.store);
  }

  /**
   * The projector's stall as recorded in the database (whichever process runs it), null when it is not stalled.
   */
  stall(): Promise<{ stalledAt: string; error: string } | null> {
    return projectorStall(this.dataSource);
  }

  /** True once the read models have applied `position` (a decimal string), false after `timeoutMs`. */
  waitForPosition(position: string, timeoutMs: number): Promise<boolean> {
    return waitForPosition(this.dataSource, position, timeoutMs);
  }
}
