// A real OpenID Connect provider (oidc-provider) on this machine, for the console's sign-in journey.
import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from '@cl/platform';

export const OIDC_CLIENT_ID = 'cultivation-ledger-console';
export const OIDC_RESOURCE = 'urn:cultivation-ledger';

/** Who may sign in (any password): the login name decides the roles and district in the token. */
const ACCOUNTS: Record<string, { roles: string[]; district?: string; name: string }> = {
  'zhang.wei': { roles: ['DISTRICT_OFFICIAL'], district: '120116', name: '张伟' },
  'li.na': { roles: ['ANALYST'], name: '李娜' },
};

export interface TestProvider {
  issuer: string;
  jwksUrl: string;
  close(): Promise<void>;
}

/** Starts the provider; the console at `consoleOrigin` is its public client (authorization code + PKCE). */
export async function startOidcProvider(consoleOrigin: string): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };
  const provider: Provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${consoleOrigin}/signin/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['test-cookie-key-test-cookie-key'] },
    claims: { openid: ['sub'], profile: ['name'] },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => OIDC_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid profile',
          audience: OIDC_RESOURCE,
          accessTokenTTL: 600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // A first-party client: no consent screen (the grant covers what the console asks for).
    loadExistingGrant: async (ctx: { oidc: { client: { clientId: string }; session: { accountId: string } } }) => {
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile');
      grant.addResourceScope(OIDC_RESOURCE, 'openid profile');
      await grant.save();
      return grant;
    },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, name: ACCOUNTS[sub]?.name ?? sub }),
    }),
    // The roles and district the API reads, in the JWT access token.
    extraTokenClaims: (_ctx: unknown, token: { accountId?: string }) => {
      const account = token.accountId ? ACCOUNTS[token.accountId] : undefined;
      if (!account) return { roles: [] };
      return { roles: account.roles, name: account.name, ...(account.district ? { district: account.district } : {}) };
    },
  });
  const server: Server = provider.listen(port, '127.0.0.1');
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
