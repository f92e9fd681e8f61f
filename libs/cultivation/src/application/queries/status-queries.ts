import { Inject, Injectable, Optional } from '@nestjs/common';
import { isPosition, type EventStore } from '@cl/event-store';
import { DataSource } from 'typeorm';
import { LiveCheckpoint, ProjectorService } from '../../read-models';
import { EVENT_STORE } from '../tokens';
import type { ProjectionStatus } from './contract-types';
import { projectionStatus, projectorStall, waitForPosition } from './status/projection-status';

/** Where the read models stand relative to the log, and read-your-writes waiting. */
@Injectable()
export class ProjectionStatusQueries {
  /** `live`: the view the progress queries' cache uses; read-your-writes confirms it (see waitForPosition). */
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() private readonly live?: LiveCheckpoint,
    @Optional() private readonly projector?: ProjectorService,
  ) {}

  /** Checkpoint, head, exact lag, whether a rebuild runs, and (with this process's projector) the seconds to go. */
  projectionStatus(): Promise<ProjectionStatus> {
    return projectionStatus(this.dataSource, this.store, this.projector?.pace);
  }

  /**
   * The projector's stall as recorded in the database (whichever process runs it), null when it is not stalled.
   */
  stall(): Promise<{ stalledAt: string; error: string } | null> {
    return projectorStall(this.dataSource);
  }

  /**
   * True once the read models have applied `position` (a decimal string), false after `timeoutMs`. With a live view
   * that has reached it, at once; else by reading the checkpoint, which also advances the view, so that a cached
   * answer asked for next is never from before `position`.
   */
  async waitForPosition(position: string, timeoutMs: number): Promise<boolean> {
    const live = this.live;
    if (!live) return waitForPosition(this.dataSource, position, timeoutMs);
    if (isPosition(position) && live.reached(position)) return true;
    return waitForPosition(this.dataSource, position, timeoutMs, undefined, (sql) => live.read(sql));
  }
}
