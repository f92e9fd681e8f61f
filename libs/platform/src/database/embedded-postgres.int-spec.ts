import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { recoverAfterCrash, startEmbeddedPostgres } from './embedded-postgres';
import { startSupervisedPostgres } from './embedded-supervisor';
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

async function eventually<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const postmasterPid = (dataDir: string) => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('supervision of the embedded PostgreSQL', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cl-supervised-'));
  const dataDir = join(folder, 'postgres');
  const lines: string[] = [];
  const gaveUp: string[] = [];
  let port: number;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(async () => {
    await stop?.();
    await recoverAfterCrash(dataDir, () => undefined);
    rmSync(folder, { recursive: true, force: true });
  });

  const supervised = () =>
    startSupervisedPostgres(
      { dataDir, port, persistent: true },
      { maxRestarts: 3, warn: (l) => lines.push(l), giveUp: (l) => gaveUp.push(l) },
    );

  it('restarts the server it started after kill -9 of the postmaster, on the same port, with the data', async () => {
    const server = await supervised();
    stop = () => server.stop();
    await query(server.url, 'create table kept (x int); insert into kept values (1)');
    const killed = postmasterPid(dataDir);
    process.kill(killed, 'SIGKILL');
    expect(await eventually(() => query(server.url, 'select x from kept'), 30_000)).toEqual([{ x: 1 }]);
    expect(postmasterPid(dataDir)).not.toBe(killed);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/died \(killed by SIGKILL\); restarting it/),
        expect.stringMatching(/restarted on port \d+ \(attempt \d\)/),
      ]),
    );
    expect(gaveUp).toEqual([]);
  });

  it('gives up with one line after the restarts fail (its port taken meanwhile)', async () => {
    process.kill(postmasterPid(dataDir), 'SIGKILL');
    let squatter: Server | undefined;
    await eventually(
      () =>
        new Promise<void>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(port, '127.0.0.1', () => {
            squatter = s;
            resolve();
          });
        }),
      5_000,
    );
    try {
      await eventually(async () => {
        if (gaveUp.length === 0) throw new Error('not yet');
      }, 30_000);
      expect(gaveUp).toEqual([expect.stringMatching(/died and 3 restarts failed .*exiting so that a supervisor/)]);
    } finally {
      squatter?.close();
    }
  });
});
