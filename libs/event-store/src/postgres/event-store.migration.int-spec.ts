import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { useTestDatabase } from '@cl/testing';
import { CreateEventStore1764288000000 } from './event-store.migration';

const db = useTestDatabase();

async function tables(): Promise<string[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_name IN ('events', 'event_commands') ORDER BY 1",
    );
    return rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

it('creates the event tables through a TypeORM DataSource, refuses a position not derived from the transaction id, and drops them on undo', async () => {
  const dataSource = new DataSource({ type: 'postgres', url: db.url, migrations: [CreateEventStore1764288000000] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    expect(await tables()).toEqual(['event_commands', 'events']);
    await expect(
      dataSource.query(
        `INSERT INTO events (global_position, stream_id, stream_version, event_id, type, data, metadata)
         VALUES (1, 's', 0, gen_random_uuid(), 't', '{}', '{}')`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
    await dataSource.undoLastMigration();
    expect(await tables()).toEqual([]);
  } finally {
    await dataSource.destroy();
  }
});
