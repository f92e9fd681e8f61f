import { useTestDatabase } from '@cl/testing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { migrateEventStore } from './migrate.test-helper';
import { PostgresEventStore } from './postgres-event-store';

const db = useTestDatabase();
beforeAll(() => migrateEventStore(db.url));

describeEventStoreContract('PostgreSQL', async () => {
  const store = new PostgresEventStore({ url: db.url, poolSize: 5 });
  return { store, cleanup: () => store.close() };
});
