// Wiring of the read side (a composition root, like cultivation.module.ts): query services and projector.
import type { Provider } from '@nestjs/common';
import type { EventStore } from '@cl/event-store';
import { LOGGER, METRICS, type MetricsRecorder } from '@cl/platform';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { EnterpriseQueries, ProgressQueries, ProjectionStatusQueries } from './application/queries';
import { EVENT_STORE } from './application/tokens';
import { ProjectorService, type ProjectorOptions } from './read-models';

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

/** Providers of the read side: the query services, plus the projector when this process runs it. */
export function readSideProviders(options: { runProjector: boolean; projector?: ProjectorOptions }): Provider[] {
  return [...READ_SIDE_QUERIES, ...(options.runProjector ? [projectorProvider(options.projector)] : [])];
}
