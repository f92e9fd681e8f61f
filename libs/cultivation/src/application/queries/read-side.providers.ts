import type { Provider } from '@nestjs/common';
import type { EventStore } from '@cl/event-store';
import { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '@cl/platform';
import { Clock } from '../clock';
import { ProjectorService, type ProjectorOptions } from '../../read-models/projector/projector.service';
import { EVENT_STORE } from '../tokens';
import { EnterpriseQueries } from './enterprise-queries';
import { ProgressQueries } from './progress-queries';
import { ProjectionStatusQueries } from './status-queries';

/** The query services' classes (they need DataSource, Clock and EVENT_STORE from the same module). */
export const READ_SIDE_QUERIES = [ProgressQueries, EnterpriseQueries, ProjectionStatusQueries];

/** A ProjectorService provider started on bootstrap and stopped on shutdown (needs DataSource and EVENT_STORE). */
export function projectorProvider(options: ProjectorOptions = {}): Provider {
  return {
    provide: ProjectorService,
    useFactory: (dataSource: DataSource, store: EventStore) => new ProjectorService(dataSource, store, options),
    inject: [DataSource, EVENT_STORE],
  };
}

/**
 * Providers of the read side: the query services, plus the projector when this process runs it. The queries that
 * answer GraphQL read through READ_DATA_SOURCE, the pool under the read statement timeout.
 */
export function readSideProviders(options: { runProjector: boolean; projector?: ProjectorOptions }): Provider[] {
  const onReadPool = (query: typeof ProgressQueries | typeof EnterpriseQueries): Provider => ({
    provide: query,
    useFactory: (dataSource: DataSource, clock: Clock) => new query(dataSource, clock),
    inject: [READ_DATA_SOURCE, Clock],
  });
  return [
    onReadPool(ProgressQueries),
    onReadPool(EnterpriseQueries),
    ProjectionStatusQueries,
    ...(options.runProjector ? [projectorProvider(options.projector)] : []),
  ];
}
