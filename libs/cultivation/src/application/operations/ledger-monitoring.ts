import { Inject, Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EventStore } from '@cl/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  METRICS,
  type MetricsRecorder,
  type PoolUsage,
  type ReadinessAnswer,
  ReadinessChecks,
} from '@cl/platform';
import { DataSource } from 'typeorm';
import { ProjectorService, readRebuildPosition } from '../../read-models';
import { projectionStatus, projectorStall } from '../queries/status/projection-status';
import { EVENT_STORE } from '../tokens';

/** A rebuild's remaining events are counted up to this many. */
const REBUILD_COUNT_LIMIT = 1_000_000;

/** How far the read models are behind the log: events not applied, and the age of the oldest of them. */
export interface ProjectionLag {
  readonly events: number;
  readonly seconds: number;
  readonly rebuilding: boolean;
}

/** Reads the lag from the checkpoint and the log (so it is right whichever process projects). */
export async function projectionLag(sql: Pick<DataSource, 'query'>, store: EventStore): Promise<ProjectionLag> {
  const status = await projectionStatus(sql, store);
  if (status.lag === 0) return { events: 0, seconds: 0, rebuilding: status.rebuilding };
  const [oldest] = await store.readAll(status.position === '0' ? null : status.position, 1);
  const seconds = oldest ? Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000) : 0;
  return { events: status.lag, seconds, rebuilding: status.rebuilding };
}

/**
 * The ledger's part in operations: at each /metrics scrape, the projection lag, a running rebuild's progress
 * and the pools' use; in /health/ready, the condition that the projector is not stalled and the read models are
 * not too far behind (the lag skipped when this process does not run the projector: PROJECTOR_IN_PROCESS=false).
 */
@Injectable()
export class LedgerMonitoring implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore & { poolUsage?: () => PoolUsage | undefined },
    private readonly modules: ModuleRef,
    @Optional() @Inject(METRICS) private readonly metrics?: MetricsRecorder,
    @Optional() private readonly readiness?: ReadinessChecks,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  onModuleInit(): void {
    this.metrics?.onScrape(() => this.sample());
    this.readiness?.add({ name: 'projection', check: () => this.projectionReadiness() });
  }

  private get projectorInProcess(): boolean {
    try {
      return !!this.modules.get(ProjectorService, { strict: false });
    } catch {
      return false;
    }
  }

  async projectionReadiness(): Promise<ReadinessAnswer> {
    // Stalled on an event it cannot apply: the read models stop there until fixed code runs, whoever projects.
    const stall = await projectorStall(this.dataSource);
    if (stall) return { ready: false, projector: 'stalled', ...stall };
    if (!this.projectorInProcess) return { ready: true, projector: 'runs in another process (not checked here)' };
    const bound = this.config?.readyMaxProjectionLagSeconds ?? 300;
    const lag = await projectionLag(this.dataSource, this.store);
    const seconds = Math.round(lag.seconds);
    return {
      ready: bound === 0 || lag.seconds <= bound,
      lagEvents: lag.events,
      lagSeconds: seconds,
      maxLagSeconds: bound,
    };
  }

  private sample(): Promise<void> {
    return sampleLedger(this.metrics!, this.dataSource, this.store);
  }
}

/** Events between the rebuild's own checkpoint and the head (the rebuild commits a checkpoint per page). */
async function rebuildRemaining(dataSource: DataSource, store: EventStore): Promise<number> {
  const head = await store.head();
  if (head === null || !store.countBetween) return 0;
  return store.countBetween(await readRebuildPosition(dataSource), head, REBUILD_COUNT_LIMIT);
}

type PgPool = { totalCount: number; idleCount: number; waitingCount: number };

/** One scrape's gauges of the ledger: the pools' use, the projection lag, a running rebuild's progress. */
export async function sampleLedger(
  metrics: MetricsRecorder,
  dataSource: DataSource,
  store: EventStore & { poolUsage?: () => PoolUsage | undefined },
): Promise<void> {
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (pool) metrics.pool('read_models', { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  const storePool = store.poolUsage?.();
  if (storePool) metrics.pool('event_store', storePool);
  let lag: ProjectionLag;
  try {
    lag = await projectionLag(dataSource, store);
  } catch (error) {
    metrics.projectionLag(null); // no stale figure while the database does not answer
    throw error;
  }
  metrics.projectionLag(lag);
  metrics.rebuild({
    running: lag.rebuilding,
    remainingEvents: lag.rebuilding ? await rebuildRemaining(dataSource, store) : 0,
  });
}
