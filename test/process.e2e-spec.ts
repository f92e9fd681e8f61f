// The service as an operator runs it and stops it (Ctrl-C, `kill` of npm, SIGTERM to node): each stop is clean,
// stops its embedded PostgreSQL and frees both ports (likewise `npm run demo`); every line logged is one JSON object.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CommandExecutor,
  ExecuteEnterpriseCommand,
  ExecuteEnterpriseCommandHandler,
  SystemClock,
} from '@cl/cultivation';
import { createEventStore } from '@cl/event-store';
import { freePort } from '@cl/platform';
import { createTestDatabase } from '@cl/testing';
import { creditCode } from './support/credit-codes';
import { TEST_JWT_SECRET } from './support/tokens';

const run = promisify(execFile);
const ROOT = process.cwd(); // jest runs from the project root
const SLOW = 240_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The environment of a service started by hand: its own ports and data folder, the embedded database. */
function serviceEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JWT_SECRET: TEST_JWT_SECRET, LAPSE_SWEEP: 'false' };
  delete env.DATABASE_URL;
  Object.assign(env, extra);
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not the service's
  return env;
}

interface Started {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, options: { detached?: boolean } = {}): Started {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const collect = (into: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop()!;
      into.push(...lines);
    };
  };
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout!.on('data', collect(stdout));
  child.stderr!.on('data', collect(stderr));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout, stderr, exited };
}

/** Polls `ok` every 250 ms for at most `ms`; the wait is bounded, the test asserts what it then finds. */
async function until(ok: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    if (await ok()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return ok();
}

const ready = (port: number) => () =>
  fetch(`http://127.0.0.1:${port}/health/ready`).then(
    (r) => r.status === 200,
    () => false,
  );

const postmasterPid = (dataDir: string) =>
  Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

/** npm's own banner (`> pkg@version start` and the command) and blank lines: everything else must be JSON. */
const isNpmBanner = (line: string) => line.trim() === '' || line.startsWith('> ');

function parseAll(lines: string[]): Record<string, unknown>[] {
  return lines.filter((l) => !isNpmBanner(l)).map((line) => JSON.parse(line) as Record<string, unknown>);
}

const folders: string[] = [];
function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cl-process-'));
  folders.push(folder);
  return folder;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Processes whose command line names `dataDir`: a PostgreSQL left running on it would be one. */
function processesOn(dataDir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dataDir)) found.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

/**
 * How an operator stops the service: a terminal's Ctrl-C (SIGINT to the whole foreground process group: npm, node
 * and, were it not in a group of its own, PostgreSQL), `kill` of npm's pid (`npm start &` then `kill $!`), and
 * SIGTERM to node itself (`docker stop`: node is PID 1 of the container).
 */
const STOPS = [
  { how: 'Ctrl-C at a terminal (SIGINT to the process group of npm start)', npm: true, group: true, signal: 'SIGINT' },
  { how: 'npm start & then kill $! (SIGTERM to npm)', npm: true, group: false, signal: 'SIGTERM' },
  { how: 'SIGTERM to node (docker stop)', npm: false, group: false, signal: 'SIGTERM' },
] as const;

describe.each(STOPS)('the service stopped by $how', ({ npm, group, signal }) => {
  const dataDir = dataFolder();
  let port: number;
  let pgPort: number;
  let service: Started;
  let becameReady = false;
  let nodePid = 0;
  let pgPid = 0;
  let exit: number | null | 'running' = 'running';

  beforeAll(async () => {
    [port, pgPort] = [await freePort(), await freePort()];
    const env = serviceEnv({
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    });
    // A terminal runs a command as the leader of a process group of its own: detached does the same here.
    service = npm
      ? start('npm', ['start'], env, { detached: group })
      : start('node', ['--enable-source-maps', '--no-warnings', 'dist/apps/api/src/main.js'], env);
    becameReady = await until(ready(port), 180_000);
    if (!becameReady) return;
    pgPid = postmasterPid(dataDir);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query DistrictList { districts { code } }', operationName: 'DistrictList' }),
    });
    await res.text();
    await until(() => service.stdout.some((l) => l.includes('"operation":"DistrictList"')), 5000);
    nodePid = Number(
      parseAll(service.stdout).find((l) => String(l.msg).startsWith('Cultivation Ledger is listening'))?.pid,
    );
    if (group) process.kill(-service.child.pid!, signal);
    else service.child.kill(signal); // npm's pid (what `$!` gives), or node's
    // Bounded generously for a loaded machine; the README's figure is measured by hand.
    exit = await Promise.race([service.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 60_000))]);
  }, SLOW);

  afterAll(() => {
    for (const pid of [nodePid, pgPid]) if (pid > 0 && alive(pid)) process.kill(pid, 'SIGKILL');
    if (exit === 'running') service.child.kill('SIGKILL');
  });

  it('starts and becomes ready, PostgreSQL in a process group of its own', () => {
    expect(becameReady).toBe(true);
    expect(nodePid).toBeGreaterThan(0);
    if (npm) expect(nodePid).not.toBe(service.child.pid);
    expect(pgPid).toBeGreaterThan(0);
  });

  it('exits 0, stops node and its embedded PostgreSQL (no orphan), and frees both ports', async () => {
    expect(exit).toBe(0);
    expect(alive(nodePid)).toBe(false);
    expect(alive(pgPid)).toBe(false);
    expect(processesOn(join(dataDir, 'postgres'))).toEqual([]);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(await portIsFree(port)).toBe(true);
    expect(await portIsFree(pgPort)).toBe(true);
  });

  it('logs nothing above info on the way: one JSON object per line, "stopped" the last', () => {
    const lines = parseAll([...service.stdout, ...service.stderr]);
    expect(lines.filter((l) => Number(l.level) > 30)).toEqual([]);
    expect(lines.some((l) => l.context === 'NestFactory' || l.context === 'InstanceLoader')).toBe(true);
    expect(lines.some((l) => l.component === 'postgres')).toBe(true);
    expect(lines.find((l) => l.operation === 'DistrictList')).toMatchObject({
      operationType: 'query',
      req: { method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
    });
    expect(lines.find((l) => String(l.msg).startsWith('Cultivation Ledger is listening'))).toMatchObject({
      url: `http://localhost:${port}/`,
    });
    // one "shutting down" even when both npm (forwarding) and the group's signal reach node
    expect(lines.filter((l) => l.msg === 'shutting down')).toEqual([expect.objectContaining({ signal })]);
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped' });
    // the request's body never reaches the log
    expect(service.stdout.join('\n')).not.toContain('districts { code }');
  });
});

describe('npm run demo & then kill $!', () => {
  it(
    'stops the seeded, serving demo and its embedded PostgreSQL',
    async () => {
      const dataDir = dataFolder();
      const [port, pgPort] = [await freePort(), await freePort()];
      const demo = start(
        'npm',
        ['run', 'demo', '--', '--enterprises', '20'],
        serviceEnv({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir }),
      );
      try {
        expect(await until(() => demo.stdout.includes('Press Ctrl+C to stop.'), 180_000)).toBe(true);
        const pgPid = postmasterPid(dataDir);
        const nodePids = readFileSync(join(dataDir, 'postgres.owner'), 'utf8');
        demo.child.kill('SIGTERM');
        expect(await demo.exited).toBe(0);
        expect(alive(pgPid)).toBe(false);
        expect(alive(Number(nodePids))).toBe(false);
        expect(await portIsFree(port)).toBe(true);
        expect(await portIsFree(pgPort)).toBe(true);
        parseAll(demo.stderr); // its log lines (stderr) are JSON; stdout is the demo's own report
      } finally {
        demo.child.kill('SIGKILL');
      }
    },
    SLOW,
  );
});

describe('npm run demo beside a running service on the same data', () => {
  it(
    'seeds the ledger the service serves, prints its URL and a token per role that it accepts, and exits',
    async () => {
      const dataDir = dataFolder();
      const [port, pgPort] = [await freePort(), await freePort()];
      const env = serviceEnv({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir });
      delete env.JWT_SECRET; // both sign and check with the secret generated in DATA_DIR
      const service = start('node', ['--no-warnings', 'dist/apps/api/src/main.js'], env);
      try {
        expect(await until(ready(port), 180_000)).toBe(true);
        const demo = start('npm', ['run', '-s', 'demo', '--', '--enterprises', '5'], env);
        expect(await demo.exited).toBe(0);
        const out = demo.stdout.join('\n');
        // on an empty ledger nothing was recorded before; the sweeps that found nothing to lapse say so
        expect(out).toMatch(/; 0 already recorded by an earlier run of this seed, \d+ with nothing to write \(lapse/);
        expect(out).toContain(`Cultivation Ledger is already running at http://localhost:${port}/`);
        expect(out).toContain('Read models up to date.');
        const tokens = [...out.matchAll(/^ {2}([A-Z_]+)(?: \(\d+\))?: (\S+)$/gm)].map((m) => [m[1], m[2]]);
        expect(tokens.map(([role]) => role)).toEqual(['DISTRICT_OFFICIAL', 'MUNICIPAL_OFFICIAL', 'ANALYST', 'AUDITOR']);
        const analyst = tokens.find(([role]) => role === 'ANALYST')![1]!;
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
          body: JSON.stringify({ query: '{ enterprises(first: 10) { totalCount } }' }),
        });
        const answer = (await res.json()) as { data?: { enterprises: { totalCount: number } }; errors?: unknown };
        expect(answer.errors).toBeUndefined(); // the service accepts the demo's token
        expect(answer.data?.enterprises.totalCount).toBeGreaterThan(0); // and serves the seeded cohort
        parseAll(demo.stderr);
      } finally {
        service.child.kill('SIGTERM');
        expect(await service.exited).toBe(0);
      }
    },
    SLOW,
  );
});

describe('log lines of the other kinds', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/apps/cli/src/main.js'))) await run('npm', ['run', '-s', 'build'], { cwd: ROOT });
  }, SLOW);

  it('a configuration error is one JSON line naming the variable (exit 78)', async () => {
    const failed = await run('node', ['--no-warnings', 'dist/apps/api/src/main.js'], {
      cwd: ROOT,
      env: serviceEnv({ PORT: 'abc' }),
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(78);
    const lines = `${failed.stdout}${failed.stderr}`.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 60,
      variable: 'PORT',
      msg: 'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")',
    });
  });

  it('an uncaught exception and a Node warning are JSON lines too (the process exits 1)', async () => {
    const script = `
      const { createLogger, logProcessEvents } = require('./dist/libs/platform/src/logging');
      logProcessEvents(createLogger('info'));
      process.emitWarning('something is deprecated');
      setTimeout(() => { throw new Error('boom\\nwith a second line'); }, 10);`;
    const failed = await run('node', ['--no-warnings', '-e', script], { cwd: ROOT, env: serviceEnv({}) }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stderr).toBe('');
    const lines = failed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // pino writes asynchronously: the two lines may reach the pipe in either order
    expect(lines.find((l) => l.level === 40)).toMatchObject({
      msg: 'node warning',
      warning: { message: 'something is deprecated' },
    });
    expect(lines.find((l) => l.level === 60)).toMatchObject({
      msg: 'uncaught exception; exiting',
      err: { message: 'boom\nwith a second line' },
    });
    expect(lines).toHaveLength(2);
  });

  it('the CLI logs on stderr, as JSON, which database and data folder it opened', async () => {
    const dataDir = dataFolder();
    const { stdout, stderr } = await run('node', ['--no-warnings', 'dist/apps/cli/src/main.js', 'verify'], {
      cwd: ROOT,
      env: serviceEnv({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) }),
    });
    expect(stdout).toBe('verify: the read models match the event log\nverify: no stacked renewals in the log\n');
    const lines = stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const opened = lines.find((l) => String(l.msg).startsWith('opened database'));
    expect(opened).toMatchObject({ embedded: true, dataDir, eventStore: 'postgres' });
    expect(String(opened?.database)).toMatch(/^postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/cultivation$/);
  });
});

describe('the projection worker with METRICS_PORT', () => {
  it(
    'serves /metrics behind METRICS_TOKEN, with the batches it projected',
    async () => {
      const db = await createTestDatabase();
      const metricsPort = await freePort();
      const token = 'worker-scrape-token-0123';
      const worker = start(
        'node',
        ['--no-warnings', 'dist/apps/projector/src/main.js'],
        serviceEnv({ DATABASE_URL: db.url, METRICS_PORT: String(metricsPort), METRICS_TOKEN: token }),
      );
      const store = createEventStore({ kind: 'postgres', url: db.url });
      const scrape = (auth?: string) =>
        fetch(`http://127.0.0.1:${metricsPort}/metrics`, auth ? { headers: { authorization: `Bearer ${auth}` } } : {});
      try {
        const up = () =>
          fetch(`http://127.0.0.1:${metricsPort}/health/live`).then(
            (r) => r.ok,
            () => false,
          );
        expect(await until(up, 120_000)).toBe(true); // listening: the migrations have run
        const handler = new ExecuteEnterpriseCommandHandler(new CommandExecutor(store, new SystemClock()));
        await handler.execute(
          new ExecuteEnterpriseCommand(
            creditCode(16_200),
            {
              type: 'RegisterEnterprise',
              data: { creditCode: creditCode(16_200), name: '天津工人科技有限公司', district: '120116' },
            },
            {
              actor: { sub: 'test', roles: ['MUNICIPAL_OFFICIAL'] },
              source: 'SYSTEM',
              correlationId: 'worker-metrics',
            },
          ),
        );
        expect((await scrape()).status).toBe(401);
        let text = '';
        await until(async () => {
          text = await (await scrape(token)).text();
          // a scrape may sample the lag just before the batch it then counts commits: wait for both
          return (
            /^ledger_projector_batch_events_count [1-9]/m.test(text) && /^ledger_projection_lag_events 0$/m.test(text)
          );
        }, 60_000);
        expect(text).toMatch(/^ledger_projector_batch_events_sum 1$/m);
        expect(text).toMatch(/^ledger_projection_lag_events 0$/m);
        expect(text).toMatch(/^ledger_db_pool_clients\{pool="read_models",state="total"\} [1-9]/m);
      } finally {
        worker.child.kill('SIGTERM');
        expect(await worker.exited).toBe(0);
        await store.close();
        await db.drop();
      }
      parseAll([...worker.stdout, ...worker.stderr]);
    },
    SLOW,
  );
});
