import { Client } from 'pg';
import { useTestDatabase } from '@cl/testing';

describe('test databases', () => {
  const db = useTestDatabase();

  it('gives each test file an empty database of its own on a real PostgreSQL', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string; version: string }>(
        "select count(*) as n, version() from information_schema.tables where table_schema = 'public'",
      );
      expect(rows[0]?.n).toBe('0');
      expect(rows[0]?.version).toMatch(/PostgreSQL/);
    } finally {
      await client.end();
    }
  });
});
