// GraphQL over HTTP by method: queries by GET (CSRF-safe header) or POST, mutations by POST only, nothing else.
import { DataSource } from 'typeorm';
import { useTestApi } from './support/test-api';

const api = useTestApi();
const REGISTER = encodeURIComponent(
  'mutation { registerEnterprise(input: { creditCode: "91120116MA05JRBX4G", name: "天津某公司", district: "120116" }) { position } }',
);
const events = async () =>
  (await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM events'))[0].n as number;

describe('GraphQL over HTTP by method', () => {
  it.each(['GET', 'HEAD'])('refuses a mutation sent by %s, and writes nothing', async (method) => {
    const before = await events();
    const res = await fetch(`${api.url}/graphql?query=${REGISTER}`, {
      method,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(405);
    expect(await events()).toBe(before);
  });

  it.each(['HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    'answers %s /graphql 405, naming GET and POST',
    async (method) => {
      const res = await fetch(`${api.url}/graphql?query=%7B__typename%7D`, { method });
      expect({ status: res.status, allow: res.headers.get('allow') }).toEqual({ status: 405, allow: 'GET, POST' });
    },
  );
});
