import type { Logger } from 'pino';
import { createEventStore, type EventStore } from '@cl/event-store';
import { ENTERPRISE_STREAM_PREFIX, TARGETS_STREAM } from '@cl/cultivation';
import type { AppConfig } from '@cl/platform';

/** The adapter EVENT_STORE names: PostgreSQL (embedded default) or EventStoreDB. */
export function eventStoreFactory(config: AppConfig, databaseUrl: string, logger: Logger): () => EventStore {
  return () => {
    if (config.eventStore === 'eventstoredb' && config.eventStoreConnectionString) {
      return createEventStore({
        kind: 'eventstoredb',
        connectionString: config.eventStoreConnectionString,
        streamPrefixes: [ENTERPRISE_STREAM_PREFIX, TARGETS_STREAM],
      });
    }
    const onError = (error: unknown) => logger.warn({ err: error }, 'event store subscription retrying');
    return createEventStore({ kind: 'postgres', url: databaseUrl, poolSize: 20, onError });
  };
}
