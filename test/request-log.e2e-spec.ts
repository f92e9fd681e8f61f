import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import { FixedClock } from '@cl/cultivation';
import { loadConfig } from '@cl/platform';
import { createTestDatabase } from '@cl/testing';
import { createApi } from '../apps/api/src/create-api';
import { TEST_NOW } from './support/test-api';
import { TEST_JWT_SECRET } from './support/tokens';

describe('the request log', () => {
  const lines: string[] = [];
  let app: NestExpressApplication;
  let url = '';
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    const sink = new Writable({
      write: (chunk, _enc, done) => (lines.push(...String(chunk).split('\n').filter(Boolean)), done()),
    });
    const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, LAPSE_SWEEP: 'false' });
    app = await createApi({
      config,
      logger: pino({ level: 'info' }, sink),
      databaseUrl: db.url,
      schemaFile: true,
      clock: new FixedClock(TEST_NOW),
    });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('writes one JSON object per request with its id and status, and never the body or the query string', async () => {
    const malformed = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-malformed-1' },
      body: '{"query": "{ tiers { tier } }", "variables": {"password": "hunter2-SECRET"',
    });
    expect(malformed.status).toBe(400);
    const get = await fetch(
      `${url}/graphql?query=%7Btiers%7Btier%7D%7D&variables=%7B%22k%22%3A%22SECRET-IN-URL%22%7D`,
      {
        headers: { 'x-request-id': 'req-get-1', 'apollo-require-preflight': 'true' },
      },
    );
    expect(get.status).toBe(200);
    const parsed = lines.map((line) => JSON.parse(line) as { req?: { id?: string }; res?: { statusCode?: number } });
    const mine = parsed.filter((l) => l.req?.id === 'req-malformed-1' || l.req?.id === 'req-get-1');
    expect(mine.map((l) => [l.req?.id, l.res?.statusCode])).toEqual([
      ['req-malformed-1', 400],
      ['req-get-1', 200],
    ]);
    expect(lines.join('\n')).not.toMatch(/SECRET|hunter2/);
  });
});
