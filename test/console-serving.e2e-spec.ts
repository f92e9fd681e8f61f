import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestApi } from './support/test-api';

// A stand-in build, so this test does not depend on vite (the browser journeys use the real one).
const webDir = mkdtempSync(join(tmpdir(), 'cl-web-'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(
  join(webDir, 'index.html'),
  '<!doctype html><div id="app"></div><script type="module" src="/assets/app-1.js"></script>',
);
writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
afterAll(() => rmSync(webDir, { recursive: true, force: true }));

describe('the console served by the API', () => {
  const api = useTestApi({
    WEB_DIR: webDir,
    OIDC_ISSUER: 'https://sso.example.gov.cn/realms/tianjin',
    OIDC_CLIENT_ID: 'cultivation-ledger-console',
    OIDC_RESOURCE: 'urn:cultivation-ledger',
  });

  it.each(['/', '/dashboard', '/enterprises', '/enterprises/91120116MA05JRBX4G', '/signin/callback', '/import'])(
    'answers the page at the client route %s',
    async (path) => {
      const res = await fetch(`${api.url}${path}?code=x`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="app"></div>');
    },
  );

  it("answers the page at every path of the console's router (a refresh or a shared link never 404s)", async () => {
    const router = readFileSync('apps/web/src/router.ts', 'utf8');
    const paths = [...router.matchAll(/path: '(\/[^':(]*)(:[a-zA-Z]+)?'/g)].map(([, path, param]) =>
      param ? `${path}91120116MA05JRBX4G` : path,
    );
    expect(paths).toEqual(expect.arrayContaining(['/dashboard', '/reports', '/enterprises/91120116MA05JRBX4G']));
    for (const path of [...paths, '/graphiql']) {
      const res = await fetch(`${api.url}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
      expect(await res.text()).toContain('<div id="app"></div>');
    }
  });

  it('serves the hashed bundles as immutable, and a missing one as a 404', async () => {
    const res = await fetch(`${api.url}/assets/app-1.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${api.url}/assets/app-2.js`)).status).toBe(404);
    expect((await fetch(`${api.url}/assets/..%2Findex.html`)).status).toBe(404);
  });

  it('never answers the page for the API or an unknown path', async () => {
    const health = await fetch(`${api.url}/health`);
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
    const graphql = await fetch(`${api.url}/graphql?query=%7B__typename%7D`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    const metrics = await fetch(`${api.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    for (const path of ['/graphql/x', '/health/x', '/nope', '/enterprises/a/b']) {
      const res = await fetch(`${api.url}${path}`);
      expect([path, res.status]).not.toEqual([path, 200]);
      expect(await res.text()).not.toContain('<div id="app">');
    }
  });

  it('tells the page how to sign in through serviceInfo, without a token', async () => {
    const res = await api.graphql('{ serviceInfo { oidcIssuer oidcClientId oidcScope oidcResource } }');
    expect(res.body.data).toEqual({
      serviceInfo: {
        oidcIssuer: 'https://sso.example.gov.cn/realms/tianjin',
        oidcClientId: 'cultivation-ledger-console',
        oidcScope: 'openid profile',
        oidcResource: 'urn:cultivation-ledger',
      },
    });
  });
});
