// Faults, with real service processes (the built API) and PostgreSQL servers of this file's own (the run's shared
// test server is never touched): the database stopped and frozen under concurrent writes for longer than the
// request deadline; the embedded postmaster killed; a poison event. See README, "Faults".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresEventStore } from '@cl/event-store';
import { appendRenameV2 } from '../libs/cultivation/src/read-models/testing/newer-release';
import {
  type EmbeddedPostgresHandle,
  freePort,
  recoverAfterCrash,
  startEmbeddedPostgres,
} from '../libs/platform/src/database';
import { creditCode } from './support/credit-codes';
import { buildService, runCli, ServiceProcess } from './support/service-process';
import { tokenFor } from './support/tokens';

const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { position } }`;
const STATUS = `{ projectionStatus { position headPosition lag stalledAt error } }`;
const BINHAI = '120116';

interface Status {
  position: string;
  headPosition: string;
  lag: number;
  stalledAt: string | null;
  error: string | null;
}

/** What one write got back. */
interface Outcome {
  n: number;
  status: number;
  code?: unknown;
  retryable?: unknown;
  retryAfter: string | null;
  position?: string;
  failure?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The postmaster and every process it started (backends, checkpointer, …). */
function clusterProcesses(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((pid) => pid > 0);
  return [postmaster, ...children];
}

/** "Fixed code": a release that reads EnterpriseRenamed in schema version 2, loaded before the built service. */
function writeFixedRelease(folder: string): string {
  const file = join(folder, 'fixed-release.cjs');
  const dist = join(process.cwd(), 'dist/libs/cultivation/src/domain/events');
  writeFileSync(
    file,
    `const { CURRENT_SCHEMA_VERSIONS } = require(${JSON.stringify(join(dist, 'schema-versions.js'))});
const { upcasters } = require(${JSON.stringify(join(dist, 'upcasters.js'))});
CURRENT_SCHEMA_VERSIONS.EnterpriseRenamed = 2;
upcasters.register('EnterpriseRenamed', 1, (data) => data);
`,
  );
  return file;
}

beforeAll(() => buildService(), 120_000);

describe('an external PostgreSQL stopped, then frozen, under concurrent writes; then a poison event', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cl-faults-'));
  const dataDir = join(folder, 'pg');
  let pgPort: number;
  let pg: EmbeddedPostgresHandle;
  let dbUrl = '';
  let service: ServiceProcess;
  let official: string;
  let analyst: string;
  let frozen: number[] = [];
  const env = () => ({
    DATABASE_URL: dbUrl,
    DATA_DIR: join(folder, 'data'),
    REQUEST_TIMEOUT_MS: '2000',
    DATABASE_WAIT_MS: '1000',
  });
  const startPg = () => startEmbeddedPostgres({ dataDir, port: pgPort, persistent: true });
  const status = async () =>
    (await service.graphql<{ projectionStatus: Status }>(STATUS, {}, analyst)).body.data!.projectionStatus;

  beforeAll(async () => {
    pgPort = await freePort();
    pg = await startPg();
    await sql(pg.url, 'CREATE DATABASE faults');
    const url = new URL(pg.url);
    url.pathname = '/faults';
    dbUrl = url.toString();
    official = await tokenFor('DISTRICT_OFFICIAL', BINHAI);
    analyst = await tokenFor('ANALYST');
    service = await ServiceProcess.start(env());
  }, 120_000);

  afterAll(async () => {
    frozen.forEach((pid) => process.kill(pid, 'SIGCONT'));
    await service?.stop();
    await pg?.stop();
    await recoverAfterCrash(dataDir, () => undefined);
    rmSync(folder, { recursive: true, force: true });
  }, 60_000);

  const write = async (n: number): Promise<Outcome> => {
    const input = {
      creditCode: creditCode(n),
      name: `故障测试${n}有限公司`,
      district: BINHAI,
      commandId: `fault-${n}`,
    };
    try {
      const res = await service.graphql<{ registerEnterprise: { position: string } }>(
        REGISTER,
        { input },
        official,
        15_000, // the deadline is 2 s: an answer later than this is a hung request
      );
      const error = res.body.errors?.[0];
      return {
        n,
        status: res.status,
        code: error?.extensions?.code,
        retryable: error?.extensions?.retryable,
        retryAfter: res.headers.get('retry-after'),
        position: res.body.data?.registerEnterprise?.position,
      };
    } catch (error) {
      return { n, status: 0, retryAfter: null, failure: String(error) };
    }
  };

  it('answers every write it cannot make UNAVAILABLE (503, Retry-After), loses no acknowledged write, records none twice, and its projection equals a rebuild', async () => {
    const outcomes: Outcome[] = [];
    let next = 1;
    let writing = true;
    const writer = async () => {
      while (writing) {
        const outcome = await write(next++);
        outcomes.push(outcome);
        if (!outcome.position) await sleep(50);
      }
    };
    const writers = Array.from({ length: 4 }, writer);

    // Writes go through before the outage (waited for, not timed: a loaded machine may take seconds).
    for (let waited = 0; waited < 30_000 && !outcomes.some((o) => o.position); waited += 100) await sleep(100);
    await sleep(500);
    const beforeOutage = outcomes.filter((o) => o.position).length;
    await pg.stop(); // down: connections refused
    await sleep(4_000); // twice the request deadline
    pg = await startPg();
    await sleep(2_000);
    frozen = clusterProcesses(dataDir); // frozen: connections accepted, nothing answers
    frozen.forEach((pid) => process.kill(pid, 'SIGSTOP'));
    await sleep(4_000);
    frozen.forEach((pid) => process.kill(pid, 'SIGCONT'));
    frozen = [];
    await sleep(3_000);
    writing = false;
    await Promise.all(writers);

    const acknowledged = outcomes.filter((o) => o.position);
    const refused = outcomes.filter((o) => !o.position);
    expect(beforeOutage).toBeGreaterThan(0);
    expect(acknowledged.filter((o) => o.n > outcomes.length - 20).length).toBeGreaterThan(0); // healed
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((o) => o.failure)).toEqual([]); // every request was answered
    expect(refused.filter((o) => o.status !== 503 || o.code !== 'UNAVAILABLE' || o.retryable !== true)).toEqual([]);
    expect(new Set(refused.map((o) => o.retryAfter))).toEqual(new Set(['5']));
    expect(service.logged(/INTERNAL_SERVER_ERROR|GraphQL request failed/)).toEqual([]);

    // A refused write may or may not have been recorded: the same commandId again records it at most once.
    for (const o of refused) {
      const again = await until(`write ${o.n} retried`, 30_000, async () => (await write(o.n)).position);
      expect(again).toMatch(/^\d+$/);
    }
    const counts = await sql<{ stream_id: string; n: number }>(
      dbUrl,
      `SELECT stream_id, count(*)::int AS n FROM events WHERE type = 'EnterpriseRegistered' GROUP BY stream_id`,
    );
    const recorded = new Map(counts.map((r) => [r.stream_id, r.n]));
    expect(recorded.size).toBe(outcomes.length);
    for (const o of outcomes) expect([o.n, recorded.get(`enterprise-${creditCode(o.n)}`)]).toEqual([o.n, 1]);

    await until('the projection to catch up', 60_000, async () => ((await status()).lag === 0 ? true : undefined));
    const verify = await runCli(['verify'], { DATABASE_URL: dbUrl, DATA_DIR: join(folder, 'data') });
    expect(verify).toMatchObject({ code: 0, stdout: expect.stringContaining('the read models match the event log') });
  }, 240_000);

  it('stalls visibly on a poison event and goes on after a rebuild, or a restart, with fixed code', async () => {
    const store = new PostgresEventStore({ url: dbUrl, poolSize: 1 });
    const poison = (n: number) => appendRenameV2(store, `enterprise-${creditCode(n)}`, `新名称${n}有限公司`);
    const fixed = writeFixedRelease(folder);
    try {
      const first = await poison(1);
      const stalled = await until('a stall', 30_000, async () => {
        const s = await status();
        return s.stalledAt === first.position ? s : undefined;
      });
      expect(stalled.error).toContain('EnterpriseRenamed');
      expect(stalled.error).toContain(first.eventId);
      expect(stalled.error).toContain('v2 is newer than this code');
      expect(
        service.logged(new RegExp(`projector stalled at position ${first.position}: EnterpriseRenamed`)),
      ).toHaveLength(1);
      const readiness = await service.ready();
      expect(readiness.status).toBe(503);
      expect(readiness.body.error?.projection).toMatchObject({ projector: 'stalled', stalledAt: first.position });

      // Writes go on; the read models wait at the event.
      expect((await write(100_001)).position).toMatch(/^\d+$/);
      await sleep(1_000);
      expect(await status()).toMatchObject({ stalledAt: first.position, position: stalled.position });
      expect((await status()).lag).toBeGreaterThanOrEqual(2);
      expect(service.logged(/projector stalled at position/)).toHaveLength(1); // tried once, not for ever

      // Fix 1: a rebuild with fixed code; the running (old) service sees the checkpoint past its stall and goes on.
      const rebuild = await runCli(['rebuild'], { DATABASE_URL: dbUrl, DATA_DIR: join(folder, 'data') }, fixed);
      expect(rebuild).toMatchObject({ code: 0, stdout: expect.stringContaining('rebuilt the read models') });
      await until('the projection past the event', 30_000, async () => {
        const s = await status();
        return s.stalledAt === null && s.lag === 0 ? true : undefined;
      });
      expect((await service.ready()).status).toBe(200);

      // Fix 2: the old service meets the next such event and stalls again; restarted with fixed code, it goes on.
      const second = await poison(2);
      await until('a second stall', 30_000, async () =>
        (await status()).stalledAt === second.position ? true : undefined,
      );
      await service.stop();
      service = await ServiceProcess.start(env(), fixed);
      await until('the projection past the second event', 30_000, async () => {
        const s = await status();
        return s.stalledAt === null && s.lag === 0 ? true : undefined;
      });
      const verify = await runCli(['verify'], { DATABASE_URL: dbUrl, DATA_DIR: join(folder, 'data') }, fixed);
      expect(verify).toMatchObject({ code: 0, stdout: expect.stringContaining('the read models match the event log') });
    } finally {
      await store.close();
    }
  }, 180_000);
});

describe('the embedded PostgreSQL killed (kill -9 of its postmaster)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cl-faults-embedded-'));
  const pgDir = join(folder, 'data', 'postgres');
  let pgPort: number;
  let service: ServiceProcess;
  let official: string;
  let squatter: Server | undefined;
  const postmaster = () => Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

  beforeAll(async () => {
    pgPort = await freePort();
    official = await tokenFor('DISTRICT_OFFICIAL', BINHAI);
    service = await ServiceProcess.start({
      DATA_DIR: join(folder, 'data'),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_RESTARTS: '2',
    });
  }, 120_000);

  afterAll(async () => {
    squatter?.close();
    await service?.stop();
    await recoverAfterCrash(pgDir, () => undefined);
    rmSync(folder, { recursive: true, force: true });
  }, 60_000);

  const register = (n: number) =>
    service.graphql<{ registerEnterprise: { position: string } }>(
      REGISTER,
      { input: { creditCode: creditCode(n), name: `内嵌测试${n}有限公司`, district: BINHAI } },
      official,
      15_000,
    );

  it('restarts it, waits for it and answers again (within 30 s), with the data it had', async () => {
    expect((await register(1)).body.data?.registerEnterprise.position).toMatch(/^\d+$/);
    const killed = postmaster();
    process.kill(killed, 'SIGKILL');
    const meanwhile: [number, unknown][] = [];
    const position = await until('a write after the kill (30 s)', 30_000, async () => {
      const res = await register(2);
      const code = res.body.errors?.[0]?.extensions?.code;
      if (code !== undefined) meanwhile.push([res.status, code]);
      return res.body.data?.registerEnterprise.position;
    });
    expect(position).toMatch(/^\d+$/);
    expect(meanwhile.filter(([status, code]) => status !== 503 || code !== 'UNAVAILABLE')).toEqual([]);
    expect(postmaster()).not.toBe(killed);
    // E1, written before the kill, survived: registering it again is refused as already registered.
    expect((await register(1)).body.errors?.[0]?.extensions).toMatchObject({ rule: 'ENTERPRISE_ALREADY_REGISTERED' });
    expect(service.logged(/died \(killed by SIGKILL\); restarting it/)).toHaveLength(1);
    expect(service.logged(/restarted on port/)).toHaveLength(1);
  }, 60_000);

  it('exits non-zero with one clear line when it cannot restart it, so that a supervisor takes over', async () => {
    process.kill(postmaster(), 'SIGKILL');
    // Take the port before the first restart attempt (0.5 s later), as another program might.
    squatter = await until('the port freed', 5_000, () => {
      const s = createServer();
      return new Promise<Server | undefined>((resolve) => {
        s.once('error', () => resolve(undefined));
        s.listen(pgPort, '127.0.0.1', () => resolve(s));
      });
    });
    const exit = await service.exited;
    expect(exit).toEqual({ code: 70, signal: null });
    const fatal = service.logged(/"level":(60|"fatal")/);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatch(/died and 2 restarts failed .*exiting so that a supervisor restarts the service/);
  }, 60_000);
});
