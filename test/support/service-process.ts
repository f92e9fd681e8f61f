// The built service as its own process (node dist/…/main.js), for tests of what a process does: how it answers
// when its database goes away, whether it heals, what it logs, how it exits.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from '../../libs/platform/src/database/free-port';
import type { GraphQLResponse } from './test-api';
import { TEST_JWT_SECRET } from './tokens';

const run = promisify(execFile);

/** Compiles apps and libs into dist/ (swc, a few seconds); the tests run what `npm start` runs. */
export function buildService(): void {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
}

export class ServiceProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const parts = (rest + chunk.toString('utf8')).split('\n');
        rest = parts.pop() ?? '';
        this.lines.push(...parts.filter((l) => l !== ''));
      });
    }
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Starts `main` (the API by default) with the test's environment and waits until /health answers 200. */
  static async start(env: Record<string, string>, preload?: string): Promise<ServiceProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [...(preload ? ['--require', preload] : []), '--enable-source-maps', 'dist/apps/api/src/main.js'],
      {
        env: {
          PATH: process.env.PATH,
          PORT: String(port),
          JWT_SECRET: TEST_JWT_SECRET,
          LAPSE_SWEEP: 'false',
          LOG_LEVEL: 'info',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const exited = await Promise.race([service.exited, new Promise((r) => setTimeout(() => r(null), 200))]);
      if (exited) throw new Error(`the service exited while starting: ${service.lines.slice(-5).join('\n')}`);
      if ((await service.health()) === 200) return service;
      if (Date.now() > deadline) throw new Error(`the service did not start: ${service.lines.slice(-5).join('\n')}`);
    }
  }

  async health(): Promise<number> {
    try {
      return (await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(5_000) })).status;
    } catch {
      return 0;
    }
  }

  /** GET /health/ready: its status and answer (terminus: `error` holds the failing checks). */
  async ready(): Promise<{ status: number; body: { error?: Record<string, Record<string, unknown>> } }> {
    const res = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: (await res.json()) as never };
  }

  /** POST /graphql; a request that cannot be made at all (refused, reset) comes back as status 0. */
  async graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    timeoutMs = 30_000,
  ): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse<T>['body'] };
  }

  /** The log lines (pino JSON) whose msg matches. */
  logged(pattern: RegExp): string[] {
    return this.lines.filter((l) => pattern.test(l));
  }

  /** SIGTERM, then SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Runs the CLI (built) with `env`; resolves with its exit code and output. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  preload?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [...(preload ? ['--require', preload] : []), 'dist/apps/cli/src/main.js', ...args],
      { env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env }, timeout: 180_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
