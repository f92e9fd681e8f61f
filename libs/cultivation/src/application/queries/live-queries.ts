import { Inject, Injectable, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LiveCheckpoint, readLiveCheckpoint } from '../../read-models';
import type { ProjectionStatus, TargetProgress } from './contract-types';
import { LIVE_FEED_LIMITS } from '../tokens';
import { LiveFeed, type LiveFeedLimits } from './live/live-feed';
import { ProgressQueries } from './progress-queries';
import { districtArg } from './query-input';
import { ProjectionStatusQueries } from './status-queries';

/** Subscriptions' answers: the same queries, asked again when the read models advance (see LiveFeed). */
@Injectable()
export class LiveQueries implements OnApplicationShutdown {
  private readonly feed: LiveFeed;

  constructor(
    dataSource: DataSource,
    private readonly progress: ProgressQueries,
    private readonly status: ProjectionStatusQueries,
    @Inject(LIVE_FEED_LIMITS) limits: LiveFeedLimits,
    @Optional() live?: LiveCheckpoint,
  ) {
    this.feed = new LiveFeed({
      // The trusted in-process view when there is one (no read), else one single-row read per tick.
      stamp: async () => {
        const at = live?.current() ?? (await readLiveCheckpoint(dataSource));
        return `${at.generation}:${at.position ?? ''}`;
      },
      ...limits,
    });
  }

  /** Projection status now, then each time the read models advance. */
  projectionAdvanced(): AsyncIterableIterator<ProjectionStatus> {
    return this.feed.subscribe({ key: 'status', ask: () => this.status.projectionStatus() });
  }

  /** cohortProgress (as of today) for the city or one district, now and each time its rows change. */
  cohortProgressChanged(district: string | null): AsyncIterableIterator<TargetProgress[]> {
    const where = districtArg(district); // refused here, before subscribing, when not a district code
    return this.feed.subscribe({
      key: `progress:${where ?? ''}`,
      ask: () => this.progress.cohortProgress(null, where),
    });
  }

  onApplicationShutdown(): void {
    this.feed.close();
  }
}
