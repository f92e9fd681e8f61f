export * from './event-store';
export * from './errors';
export { newEventId } from './event-id';
export { comparePositions, isPosition, POSITION_PATTERN } from './position';
export { Wakeup } from './polling-subscription';
export { createEventStore, openStoreConnection, type EventStoreConfig } from './create-event-store';
export { InMemoryEventStore } from './in-memory';
export {
  PostgresEventStore,
  type PostgresEventStoreOptions,
  CreateEventStore1764288000000,
  EventsRecordedAt1764288000001,
  NOTIFY_CHANNEL,
  MAX_EVENTS_PER_TRANSACTION,
  poolConnection,
  NotificationListener,
  type ListenerHandlers,
  writeBackup,
  restoreBackup,
  checkBackup,
  type BackupSummary,
  type RestoreSummary,
  copyLog,
  type CopyLogOptions,
  type CopyLogProgress,
  type CopyLogResult,
  PostgresLogTarget,
  redactUrl,
} from './postgres';
export type { LogTarget, CommandRecord } from './transfer/log-transfer';
export { canonicalJson, LogDigest, type LogSummary } from './transfer/log-digest';
export { EventStoreDbEventStore, EventStoreDbLogTarget, type EventStoreDbOptions } from './eventstoredb';
export {
  describeEventStoreContract,
  type StoreUnderTest,
  type ContractCapabilities,
} from './contract/event-store.contract';
