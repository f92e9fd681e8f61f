export * from './domain';
export * from './application/clock';
export * from './application/tokens';
export * from './application/commands';
export * from './cultivation.module';
export * from './application/audit/audit-queries';
export { ProgressQueries, EnterpriseQueries, ProjectionStatusQueries } from './application/queries';
export { readSideProviders } from './read-side.providers';
export * from './read-models';
export * from './runtime/open-ledger';
export * from './application/import';
export * from './application/demo';
export {
  LedgerMonitoring,
  projectionLag,
  sampleLedger,
  type ProjectionLag,
} from './application/operations/ledger-monitoring';
export { MeasuredEventStore } from './application/operations/measured-event-store';
