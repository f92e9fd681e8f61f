// The API as a child process (node dist/apps/api/src/main.js) on the bench PostgreSQL, so that its
// peak RSS is its own; tokens signed with the same secret.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, type Role, TokenService } from '@cl/platform';
import { graphql, sleep } from './common';

export const JWT_SECRET = 'cultivation-ledger-bench-secret-0123456789abcdef';

export interface RunningApi {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** The environment the API and the other children run with. */
export function childEnv(databaseUrl: string, dataDir: string, port?: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    LAPSE_SWEEP: 'false',
    GRAPHQL_INTROSPECTION: 'false',
    ...(port ? { PORT: String(port) } : {}),
    // Diagnostics only: another rebuild page size or number of workers, B4 without B6 (BENCH_B6=0), or the API
    // without its in-process projector.
    ...(process.env.BENCH_B6 ? { BENCH_B6: process.env.BENCH_B6 } : {}),
    ...(process.env.BENCH_REBUILD_BATCH ? { BENCH_REBUILD_BATCH: process.env.BENCH_REBUILD_BATCH } : {}),
    ...(process.env.BENCH_REBUILD_WORKERS ? { BENCH_REBUILD_WORKERS: process.env.BENCH_REBUILD_WORKERS } : {}),
    ...(process.env.PROJECTOR_IN_PROCESS ? { PROJECTOR_IN_PROCESS: process.env.PROJECTOR_IN_PROCESS } : {}),
  };
}

export function token(role: Role, district?: string): Promise<string> {
  return new TokenService({ secret: JWT_SECRET }).sign(
    { sub: `bench-${role.toLowerCase()}`, roles: [role], ...(district ? { district } : {}) },
    '12h',
  );
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );
}

/** Starts the built API and waits until /health answers and the read models have caught up with the log. */
export async function startApi(
  databaseUrl: string,
  log: (line: string) => void,
  profileDir?: string,
  /** Another build's entry point, extra environment or node flags (bench/command-path.ts compares builds). */
  variant: { main?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[]; profileName?: string } = {},
): Promise<RunningApi> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cl-bench-api-'));
  const profileName = variant.profileName ?? 'api.cpuprofile';
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${profileName}`] : [];
  const main = variant.main ?? resolve('dist/apps/api/src/main.js');
  const child = spawn(process.execPath, [...(variant.nodeArgs ?? []), ...profile, main], {
    cwd: dataDir, // the API writes schema.gql into its working directory
    env: { ...childEnv(databaseUrl, dataDir, port), ...variant.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('the API did not answer /health within 120 s');
      const ok = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(250);
    }
    await waitForProjection(`${base}/graphql`, log);
    return { url: `${base}/graphql`, pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until the API's projector has applied the whole log (lag 0). */
export async function waitForProjection(url: string, log: (line: string) => void, timeoutMs = 3_600_000) {
  const analyst = await token('ANALYST');
  const deadline = Date.now() + timeoutMs;
  let lastLog = Date.now();
  for (;;) {
    const { projectionStatus } = await graphql<{ projectionStatus: { lag: number; rebuilding: boolean } }>(
      url,
      '{ projectionStatus { lag rebuilding } }',
      {},
      analyst,
    );
    if (projectionStatus.lag === 0 && !projectionStatus.rebuilding) return;
    if (Date.now() > deadline) throw new Error(`the projector still lags by ${projectionStatus.lag} events`);
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`  waiting for the projector: lag ${projectionStatus.lag}`);
    }
    await sleep(200);
  }
}
