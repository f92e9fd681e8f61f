import { createServer, type Server } from 'node:http';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { TokenService } from './token-service';

const SECRET = 'a-secret-of-at-least-32-characters!!';

describe('bearer tokens', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  // A stand-in for the city's single sign-on: its JWKS served over HTTP on loopback.
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'sso-1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    jwksUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ssoToken = (claims: Record<string, unknown>, key = privateKey) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'sso-1' })
      .setSubject('zhang.wei')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('accepts an RS256 token signed by the provider behind JWT_JWKS_URL, with its roles and district', async () => {
    const tokens = new TokenService({ secret: SECRET, jwksUrl });
    const actor = await tokens.verify(
      await ssoToken({ roles: ['DISTRICT_OFFICIAL', 'NOT_A_ROLE'], district: '120116' }),
    );
    expect(actor).toEqual({ sub: 'zhang.wei', roles: ['DISTRICT_OFFICIAL'], district: '120116' });
  });

  it('refuses an RS256 token signed by another key, and RS256 tokens when no JWKS is configured', async () => {
    const stranger = (await generateKeyPair('RS256')).privateKey;
    const withJwks = new TokenService({ secret: SECRET, jwksUrl });
    await expect(withJwks.verify(await ssoToken({ roles: ['ANALYST'] }, stranger))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const hsOnly = new TokenService({ secret: SECRET });
    await expect(hsOnly.verify(await ssoToken({ roles: ['ANALYST'] }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('signs and verifies HS256 development tokens, and refuses expired or tampered ones', async () => {
    const tokens = new TokenService({ secret: SECRET });
    const token = await tokens.sign({ sub: 'li.na', roles: ['AUDITOR'] });
    expect(await tokens.verify(token)).toEqual({ sub: 'li.na', roles: ['AUDITOR'] });
    const expired = await tokens.sign({ sub: 'li.na', roles: ['AUDITOR'] }, '-1m');
    await expect(tokens.verify(expired)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const other = new TokenService({ secret: `${SECRET}-other` });
    await expect(other.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // A verified token is remembered only until it expires. `exp` is in whole seconds, so a '1s' token signed late
    // in a second may expire a millisecond later: give it 3 s (at least 2 s left to verify it) and then wait until
    // just past its own `exp`, whatever the clock's fraction was.
    const shortLived = await tokens.sign({ sub: 'li.na', roles: ['AUDITOR'] }, '3s');
    const { exp } = decodeJwt(shortLived);
    expect(exp! * 1000 - Date.now()).toBeGreaterThan(1500);
    expect(await tokens.verify(shortLived)).toEqual({ sub: 'li.na', roles: ['AUDITOR'] });
    await new Promise((r) => setTimeout(r, exp! * 1000 - Date.now() + 50));
    await expect(tokens.verify(shortLived)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', rule: 'TOKEN_EXPIRED' });
  });
});
