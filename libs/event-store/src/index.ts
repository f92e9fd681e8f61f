export * from './event-store';
export * from './errors';
export { comparePositions } from './position';
export { InMemoryEventStore } from './in-memory';
export { PostgresEventStore, type PostgresEventStoreOptions, CreateEventStore1764288000000 } from './postgres';
export {
  describeEventStoreContract,
  type StoreUnderTest,
  type ContractCapabilities,
} from './contract/event-store.contract';
