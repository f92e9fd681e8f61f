import { DataSource } from 'typeorm';
import { CreateEventStore1764288000000 } from './event-store.migration';
import { EventsRecordedAt1764288000001 } from './recorded-at.migration';

/** Runs the event-store migration on a database the way the app does: through a TypeORM DataSource. */
export async function migrateEventStore(url: string): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [CreateEventStore1764288000000, EventsRecordedAt1764288000001],
    migrationsRun: true,
  });
  await dataSource.initialize();
  await dataSource.destroy();
}
