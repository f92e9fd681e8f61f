import { Writable } from 'node:stream';
import pino from 'pino';
import { useTestApi } from './support/test-api';

describe('the request log', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write: (chunk, _encoding, done) => (lines.push(...String(chunk).split('\n').filter(Boolean)), done()),
  });
  const api = useTestApi({}, pino({ level: 'info' }, sink));

  it('writes one JSON object per request with its id and status, and never the body or the query string', async () => {
    const malformed = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-malformed-1' },
      body: '{"query": "{ tiers { tier } }", "variables": {"password": "hunter2-SECRET"',
    });
    expect(malformed.status).toBe(400);
    const get = await fetch(
      `${api.url}/graphql?query=%7Btiers%7Btier%7D%7D&variables=%7B%22k%22%3A%22SECRET-IN-URL%22%7D`,
      { headers: { 'x-request-id': 'req-get-1', 'apollo-require-preflight': 'true' } },
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
