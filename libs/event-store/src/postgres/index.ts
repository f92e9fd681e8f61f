export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { CreateEventStore1764288000000 } from './event-store.migration';
export { EventsRecordedAt1764288000001 } from './recorded-at.migration';
export { NOTIFY_CHANNEL, MAX_EVENTS_PER_TRANSACTION } from './append-sql';
export { poolConnection } from './split-streams';
export { NotificationListener, type ListenerHandlers } from './notification-listener';
export { writeBackup, restoreBackup, checkBackup, type BackupSummary, type RestoreSummary } from './backup';
export { copyLog, type CopyLogOptions, type CopyLogProgress, type CopyLogResult } from './copy-log';
export { PostgresLogTarget, redactUrl } from './log-target';
