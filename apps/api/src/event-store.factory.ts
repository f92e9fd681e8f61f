import type { Logger } from 'pino';
import type { EventStore } from '@cl/event-store';
import { openEventStore } from '@cl/cultivation';
import type { AppConfig, MetricsRecorder } from '@cl/platform';

/** The adapter EVENT_STORE names, built when Nest asks for it, its appends timed into `metrics`, its waits bounded. */
export function eventStoreFactory(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
  metrics: MetricsRecorder,
): () => EventStore {
  return () => openEventStore(config, databaseUrl, logger, { metrics, bounded: true });
}
