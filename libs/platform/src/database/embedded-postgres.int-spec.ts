import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { recoverAfterCrash, startEmbeddedPostgres } from './embedded-postgres';
import { freePort } from './free-port';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL in DATA_DIR', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cl-embedded-'));
  const dataDir = join(folder, 'postgres');
  let port: number;
  const start = () => startEmbeddedPostgres({ dataDir, port, persistent: true });

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(async () => {
    await recoverAfterCrash(dataDir, () => undefined); // stops whatever server a failed test left
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps committed rows across a clean restart', async () => {
    const first = await start();
    await query(first.url, 'create table survival (x int); insert into survival values (1)');
    await first.stop();
    const again = await start();
    expect(await query(again.url, 'select x from survival')).toEqual([{ x: 1 }]);
  });

  it('recovers when the owning process died and left its server running (kill -9 of the service)', async () => {
    const orphaned = await start();
    await query(orphaned.url, 'insert into survival values (2)');
    // The owner "dies": nobody calls stop(); the postmaster keeps the data directory and the port.
    const second = await start();
    expect(await query(second.url, 'select x from survival order by x')).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('recovers from a killed server that left a stale postmaster.pid', async () => {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    const third = await start();
    expect(await query(third.url, 'select x from survival order by x')).toEqual([{ x: 1 }, { x: 2 }]);
  });
});
