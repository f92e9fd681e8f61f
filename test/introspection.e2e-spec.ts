import { getIntrospectionQuery } from 'graphql';
import { useTestApi } from './support/test-api';

describe('introspection under the query limits', () => {
  describe('enabled (the development default)', () => {
    const api = useTestApi();

    it("answers a client's full introspection query: the depth, alias and cost limits leave it alone", async () => {
      const res = await api.graphql<{ __schema: { queryType: { name: string } } }>(getIntrospectionQuery());
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.__schema.queryType.name).toBe('Query');
    });
  });

  describe('switched off (GRAPHQL_INTROSPECTION=false, the production default)', () => {
    const api = useTestApi({ GRAPHQL_INTROSPECTION: 'false' });

    it('refuses __schema as a validation error in JSON, and still answers ordinary queries', async () => {
      const res = await api.graphql('{ __schema { queryType { name } } }');
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect((await api.graphql('{ tiers { tier } }')).body.errors).toBeUndefined();
    });
  });
});
