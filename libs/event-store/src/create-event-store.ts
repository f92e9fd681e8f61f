import type { Pool, PoolConfig } from 'pg';
import type { EventStore, StoreConnection } from './event-store';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

/** Which store to build: PostgreSQL (a pool you own, or a URL), EventStoreDB, or in memory (tests only). */
export type EventStoreConfig =
  | { kind: 'postgres'; pool: Pool; onError?: (error: unknown) => void; onRetry?: () => void }
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      /** Waits and timeouts of the store's own pool (connectionTimeoutMillis, statement_timeout, keepAlive). */
      poolOptions?: Pick<PoolConfig, 'connectionTimeoutMillis' | 'statement_timeout' | 'keepAlive'>;
      onError?: (error: unknown) => void;
      onRetry?: () => void;
    }
  | { kind: 'eventstoredb'; connectionString: string; streamPrefixes: string[]; commandStreamPrefix?: string }
  | { kind: 'memory' };

/** Builds the configured adapter. The PostgreSQL schema comes from CreateEventStore1764288000000 (run it first). */
export function createEventStore(config: EventStoreConfig): EventStore {
  switch (config.kind) {
    case 'postgres':
      return new PostgresEventStore(config);
    case 'eventstoredb':
      return new EventStoreDbEventStore(config);
    case 'memory':
      return new InMemoryEventStore();
    default: {
      const unknown: never = config;
      throw new Error(`unknown event store kind ${JSON.stringify(unknown)}`);
    }
  }
}

/** A store of its own on `connection` (another store's `connection()`, carried to a worker thread), owning its pool. */
export function openStoreConnection(connection: StoreConnection, poolSize: number): EventStore {
  switch (connection.kind) {
    case 'postgres':
      return new PostgresEventStore({ connection, poolSize });
    default: {
      const unknown: never = connection.kind;
      throw new Error(`unknown store connection kind ${JSON.stringify(unknown)}`);
    }
  }
}
