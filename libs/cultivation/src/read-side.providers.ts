// Wiring of the read side (a composition root, like cultivation.module.ts): query services and projector.
import type { Provider } from '@nestjs/common';
import type { EventStore } from '@cl/event-store';
import { LOGGER, METRICS, type MetricsRecorder, READ_DATA_SOURCE } from '@cl/platform';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { EnterpriseQueries, ProgressQueries, ProjectionStatusQueries } from './application/queries';
import { Clock } from './application/clock';
import { EVENT_STORE } from './application/tokens';
import { LiveCheckpoint, ProjectorService, type ProjectorOptions } from './read-models';

/** The query services' classes (they need DataSource, Clock and EVENT_STORE from the same module). */
export const READ_SIDE_QUERIES = [ProgressQueries, EnterpriseQueries, ProjectionStatusQueries];

/**
 * A ProjectorService provider started on bootstrap and stopped on shutdown (needs DataSource and EVENT_STORE;
 * records its batches in METRICS when there is one).
 */
export function projectorProvider(options: ProjectorOptions = {}): Provider {
  return {
    provide: ProjectorService,
    useFactory: (dataSource: DataSource, store: EventStore, logger: Logger, metrics?: MetricsRecorder) =>
      new ProjectorService(dataSource, store, logger, {
        onBatch: metrics && ((events, seconds) => metrics.projectorBatch(events, seconds)),
        ...options,
      }),
    inject: [DataSource, EVENT_STORE, LOGGER, { token: METRICS, optional: true }],
  };
}

/**
 * Providers of the read side: the query services, plus the projector when this process runs it. The queries that
 * answer GraphQL read through READ_DATA_SOURCE, the pool under the read statement timeout.
 */
export function readSideProviders(options: {
  runProjector: boolean;
  projector?: ProjectorOptions;
  liveCheckpoint?: LiveCheckpointConfig;
}): Provider[] {
  const live = options.liveCheckpoint;
  return [
    {
      provide: ProgressQueries,
      useFactory: (dataSource: DataSource, clock: Clock, store: EventStore, view?: LiveCheckpoint) =>
        new ProgressQueries(dataSource, clock, view, store),
      inject: [READ_DATA_SOURCE, Clock, EVENT_STORE, { token: LiveCheckpoint, optional: true }],
    },
    {
      provide: EnterpriseQueries,
      useFactory: (dataSource: DataSource, clock: Clock) => new EnterpriseQueries(dataSource, clock),
      inject: [READ_DATA_SOURCE, Clock],
    },
    ProjectionStatusQueries,
    ...(options.runProjector ? [projectorProvider(options.projector)] : []),
    ...(live && live.maxAgeMs > 0 ? [liveCheckpointProvider(live)] : []),
  ];
}

/** Where the live checkpoint view listens, and how long it trusts itself (0: no view, every answer reads). */
export interface LiveCheckpointConfig {
  /** The read models' database. */
  url: string;
  maxAgeMs: number;
}

/** A LiveCheckpoint on a connection of its own, listening from bootstrap to shutdown. */
function liveCheckpointProvider({ url, maxAgeMs }: LiveCheckpointConfig): Provider {
  return {
    provide: LiveCheckpoint,
    useFactory: (logger: Logger) =>
      new LiveCheckpoint(
        { connectionString: url, keepAlive: true, application_name: 'cultivation-ledger-checkpoint' },
        { maxAgeMs, onError: (error) => logger.warn({ err: error }, 'live checkpoint connection lost: reading it') },
      ),
    inject: [LOGGER],
  };
}
