export { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';
export { commandEventId } from './command-event-id';
export { EventStoreDbLogTarget } from './esdb-log-target';
