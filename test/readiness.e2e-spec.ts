// Readiness follows the database: this file runs the API on a PostgreSQL of its own (not the shared test
// server), stops that server under it, and starts it again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, type EmbeddedPostgresHandle, freePort, loadConfig, startEmbeddedPostgres } from '@cl/platform';
import { createApi } from '../apps/api/src/create-api';
import { TEST_JWT_SECRET } from './support/tokens';

type Health = { status: string; error?: Record<string, unknown>; details: Record<string, { status: string }> };

describe('/health/ready while the database stops and starts again', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cl-readiness-'));
  const dataDir = join(folder, 'pg');
  let port: number;
  let server: EmbeddedPostgresHandle | undefined;
  let app: NestFastifyApplication | undefined;
  let url = '';

  const probe = async (path: string) => {
    const res = await fetch(`${url}${path}`);
    return { status: res.status, body: (await res.json()) as Health };
  };

  beforeAll(async () => {
    port = await freePort();
    server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    app = await createApi({
      config: loadConfig({ LOG_LEVEL: 'silent', JWT_SECRET: TEST_JWT_SECRET, LAPSE_SWEEP: 'false' }),
      logger: createLogger('silent'),
      databaseUrl: server.url,
      schemaFile: true,
    });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is ready, unready while the database is down (live all along), and ready again once it is back', async () => {
    expect((await probe('/health/ready')).status).toBe(200);

    await server!.stop();
    server = undefined;
    const down = await probe('/health/ready');
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('error');
    expect(down.body.details.database?.status).toBe('down');
    expect((await probe('/health/live')).status).toBe(200);
    expect((await probe('/health')).status).toBe(503);

    server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    // The pools reconnect on their own; poll until the service says so (a bounded wait, not a timing assertion).
    let again = await probe('/health/ready');
    for (let i = 0; i < 60 && again.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      again = await probe('/health/ready');
    }
    expect(again).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(again.body.details.migrations?.status).toBe('up');
  }, 120_000);
});
