// One PostgreSQL for the whole jest run: DATABASE_URL when set, else an embedded server in a
// temporary folder. Each test file then creates its own database (libs/testing, useTestDatabase).
import { readdirSync, rmSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, recoverAfterCrash } from '../libs/platform/src/database/embedded-postgres';
import { freePort } from '../libs/platform/src/database/free-port';
import { ensureWebBuild } from './support/web-build';

const PREFIX = 'cultivation-ledger-test-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Folders left by runs that crashed before their teardown. */
async function cleanStaleRuns(): Promise<void> {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const folder = join(tmpdir(), name);
    const owner = Number(existsSync(join(folder, 'owner.pid')) ? readFileSync(join(folder, 'owner.pid'), 'utf8') : 0);
    if (owner && alive(owner)) continue;
    await recoverAfterCrash(join(folder, 'pg'), () => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
}

export default async function globalSetup(globalConfig?: { selectProjects?: string[] }): Promise<void> {
  // The browser journeys drive the built console: build it first when it is missing or stale.
  if (!globalConfig?.selectProjects?.length || globalConfig.selectProjects.includes('browser')) ensureWebBuild();
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  await cleanStaleRuns();
  const folder = join(tmpdir(), `${PREFIX}${process.pid}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'owner.pid'), String(process.pid));
  const server = await startEmbeddedPostgres({
    dataDir: join(folder, 'pg'),
    port: await freePort(),
    persistent: false,
    detached: false, // a Ctrl-C of the test run stops its server too
  });
  process.env.TEST_ADMIN_DATABASE_URL = server.url;
  (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = { server, folder };
}
