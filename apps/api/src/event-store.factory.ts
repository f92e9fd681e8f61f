import type { Logger } from 'pino';
import type { EventStore } from '@cl/event-store';
import { openEventStore } from '@cl/cultivation';
import type { AppConfig } from '@cl/platform';

/** The adapter EVENT_STORE names, built when Nest asks for it. */
export function eventStoreFactory(config: AppConfig, databaseUrl: string, logger: Logger): () => EventStore {
  return () => openEventStore(config, databaseUrl, logger, 20, true);
}
