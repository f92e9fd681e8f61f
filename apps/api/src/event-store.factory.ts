import type { Logger } from 'pino';
import { type EventStore, PostgresEventStore } from '@cl/event-store';
import type { AppConfig } from '@cl/platform';

/** The adapter EVENT_STORE names: PostgreSQL (embedded default) or EventStoreDB. */
export function eventStoreFactory(config: AppConfig, databaseUrl: string, logger: Logger): () => EventStore {
  return () => {
    const onError = (error: unknown) => logger.warn({ err: error }, 'event store subscription retrying');
    return new PostgresEventStore({ url: databaseUrl, poolSize: 20, onError });
  };
}
