import request from 'supertest';
import { useTestApi } from './support/test-api';

describe('the service over HTTP', () => {
  const api = useTestApi();

  it('answers GET /health with 200 while the database is up', async () => {
    const res = await request(api.app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('answers a GraphQL query at /graphql and returns a request id', async () => {
    const res = await api.graphql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a GET mutation-less request without a CSRF-safe header (Apollo CSRF prevention)', async () => {
    const res = await request(api.app.getHttpServer()).get('/graphql?query=%7B__typename%7D');
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/CSRF/i);
  });

  it('refuses a query nested deeper than the limit before running it', async () => {
    const nest = (depth: number): string =>
      depth === 0 ? 'name' : `certifications { tier } district { ${nest(depth - 1)} }`;
    const deep = `{ enterprise(creditCode: "x") { ${nest(12)} } }`;
    const res = await api.graphql(deep);
    expect(res.status).toBe(400);
    expect(res.body.errors?.find((e) => e.extensions?.rule === 'MAX_DEPTH')).toMatchObject({
      message: 'The query is refused: Query depth limit of 12 exceeded, found 14.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', rule: 'MAX_DEPTH' },
    });
  });
});
