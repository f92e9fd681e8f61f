// Hostile and careless requests over real HTTP. For every one: the status, a JSON body with a code, no stack
// trace or file path in it, the request id, nothing written to the event log, and the service healthy after.
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { READ_DATA_SOURCE, TokenService, type Actor } from '@cl/platform';
import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { TEST_JWT_SECRET } from './support/tokens';

const ISSUER = 'https://sso.tianjin.example/realms/city';
const AUDIENCE = 'cultivation-ledger';
const BINHAI = '120116';
const HEPING = '120101';
const OURS = creditCode(1301); // located in Binhai
const THEIRS = creditCode(1302); // located in Heping

/** Only the stand-in sign-on's address is known late; loadConfig reads this object in useTestApi's beforeAll. */
const env: Record<string, string> = { JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE };
let jwks: Server;
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let ssoKey: PrivateKey;
let ssoPublicJwk: Record<string, unknown>;
beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  ssoKey = pair.privateKey;
  ssoPublicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'sso-1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [ssoPublicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const address = jwks.address();
  env.JWT_JWKS_URL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks`;
});
afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

const api = useTestApi(env);
const tokens = new TokenService({ secret: TEST_JWT_SECRET, issuer: ISSUER, audience: AUDIENCE });
const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token as this service issues them, for an actor. */
const tokenOf = (actor: Actor) => tokens.sign(actor);
const municipal = () => tokenOf({ sub: 'wang.fang', roles: ['MUNICIPAL_OFFICIAL'] });
const analyst = () => tokenOf({ sub: 'zhao.lei', roles: ['ANALYST'] });
const binhaiOfficial = () => tokenOf({ sub: 'li.na', roles: ['DISTRICT_OFFICIAL'], district: BINHAI });

/** An HS256 token with any claims (defaults: this service's issuer and audience, an hour to live). */
function hs256(claims: JWTPayload, build: (jwt: SignJWT) => SignJWT = (j) => j.setExpirationTime('1h')) {
  const jwt = new SignJWT({ sub: 'someone', iss: ISSUER, aud: AUDIENCE, roles: ['ANALYST'], ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt();
  return build(jwt).sign(secret);
}

/** An HS256 token signed with some other key than the service's secret. */
const hs256WithKey = (key: string, kid?: string) =>
  new SignJWT({ sub: 'x', roles: ['AUDITOR'], iss: ISSUER, aud: AUDIENCE })
    .setProtectedHeader({ alg: 'HS256', ...(kid ? { kid } : {}) })
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(key));

/** A token of the stand-in single sign-on (RS256, kid sso-1). */
function sso(claims: JWTPayload, header: { alg?: string; kid?: string } = {}, key: PrivateKey = ssoKey) {
  return new SignJWT({ sub: 'zhang.wei', iss: ISSUER, aud: AUDIENCE, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'sso-1', ...header })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

/** POST /graphql with a JSON body (or raw text), a token and headers. */
async function post(body: unknown, options: { token?: string; headers?: Record<string, string> } = {}) {
  return send('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function send(path: string, init: RequestInit): Promise<Sent> {
  const res = await fetch(`${api.url}${path}`, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const query = (q: string, variables?: Record<string, unknown>) => ({ query: q, variables });
const asAuthorization = (value: string) => ({ headers: { authorization: value } });
const STATUS = '{ projectionStatus { lag } }';
const PROGRESS = '{ cohortProgress { active } }';
const GRANT = `mutation($input: GrantCertificationInput!) { grantCertification(input: $input) { position events { type } } }`;
const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { position } }`;
const RENEW = `mutation($input: RenewCertificationInput!) { renewCertification(input: $input) { position } }`;
const IMPORT = `mutation($input: ImportCertificationsInput!) { importCertifications(input: $input) { accepted } }`;
const AS_OF_KNOWN_AT = `query($knownAt: DateTime) {
  enterpriseAsOf(creditCode: "${OURS}", on: "2026-06-01", knownAt: $knownAt) { on } }`;
const grantInput = (over: Record<string, unknown> = {}) => ({
  creditCode: OURS,
  tier: 'TECH_SME',
  grantedOn: '2026-03-01',
  commandId: 'hostile-grant-1',
  ...over,
});
const aliases = (n: number, field: (i: number) => string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;
const day = (i: number) =>
  `20${String(10 + (i % 16)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
const nested = (depth: number): string => (depth === 0 ? 'code' : `district { ${nested(depth - 1)} }`);

interface Case {
  readonly name: string;
  readonly send: () => Promise<Sent>;
  readonly status: number;
  readonly code: string;
  readonly rule?: string;
  readonly field?: string;
}

const CASES: Case[] = [
  // the body and the HTTP envelope
  { name: 'malformed JSON', send: () => post('{"query":'), status: 400, code: 'BAD_REQUEST', rule: 'JSON_MALFORMED' },
  {
    name: 'JSON with a trailing comma',
    send: () => post('{"query":"{ tiers { tier } }",}'),
    status: 400,
    code: 'BAD_REQUEST',
    rule: 'JSON_MALFORMED',
  },
  {
    name: 'a body over the 6 MB limit',
    send: () => post(`{"query":"${'a'.repeat(6_500_000)}"}`),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    rule: 'BODY_TOO_LARGE',
  },
  {
    name: 'Content-Type text/plain',
    send: () => post(query('{ tiers { tier } }'), { headers: { 'content-type': 'text/plain' } }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    rule: 'CONTENT_TYPE',
  },
  {
    name: 'a form post',
    send: () =>
      post('query=%7Btiers%7Btier%7D%7D', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    rule: 'CONTENT_TYPE',
  },
  {
    name: 'multipart/form-data',
    send: () => post('--x\r\n\r\n--x--', { headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    rule: 'CONTENT_TYPE',
  },
  {
    name: 'XML',
    send: () => post('<query>{ tiers { tier } }</query>', { headers: { 'content-type': 'application/xml' } }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    rule: 'CONTENT_TYPE',
  },
  {
    name: 'no Content-Type at all',
    send: () => send('/graphql', { method: 'POST', body: '{"query":"{ tiers { tier } }"}' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    rule: 'CONTENT_TYPE',
  },
  {
    name: 'an unsupported charset',
    send: () => post(query('{ tiers { tier } }'), { headers: { 'content-type': 'application/json; charset=latin1' } }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    rule: 'CHARSET_UNSUPPORTED',
  },
  {
    name: 'a batched array of operations',
    send: () => post([query('{ tiers { tier } }'), query(STATUS)]),
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'an empty JSON object', send: () => post({}), status: 400, code: 'BAD_REQUEST' },
  { name: 'a query that is a number', send: () => post({ query: 42 }), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'variables that are a string',
    send: () => post({ query: '{ tiers { tier } }', variables: 'x' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an unknown path',
    send: () => send('/admin', { method: 'GET' }),
    status: 404,
    code: 'NOT_FOUND',
    rule: 'UNKNOWN_PATH',
  },
  {
    name: 'a POST to an unknown path',
    send: () => send('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    status: 404,
    code: 'NOT_FOUND',
    rule: 'UNKNOWN_PATH',
  },
  {
    name: 'an encoded path traversal',
    send: () => send('/%2e%2e/%2e%2e/etc/passwd', { method: 'GET' }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'GET /graphql without a CSRF-safe header',
    send: () => send('/graphql?query=%7B__typename%7D', { method: 'GET' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a browser asking /graphql for HTML (no landing page)',
    send: () => send('/graphql', { method: 'GET', headers: { accept: 'text/html' } }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'JSON null for a body',
    send: () => post('null'),
    status: 400,
    code: 'BAD_REQUEST',
    rule: 'JSON_MALFORMED',
  },
  {
    name: 'a gzip Content-Encoding over plain text',
    send: () => post('{"query":"{ tiers { tier } }"}', { headers: { 'content-encoding': 'gzip' } }),
    status: 400,
    code: 'BAD_REQUEST',
    rule: 'BODY_ENCODING',
  },
  {
    name: 'an unsupported Content-Encoding (compress: no runtime decodes it; Node 24 decodes zstd)',
    send: () => post('{"query":"{ tiers { tier } }"}', { headers: { 'content-encoding': 'compress' } }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    rule: 'ENCODING_UNSUPPORTED',
  },
  {
    name: 'PUT /graphql',
    send: () => send('/graphql', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }),
    status: 405,
    code: 'BAD_REQUEST',
  },
  // the document: syntax, validation, shape and cost
  { name: 'a syntax error', send: () => post(query('{ tiers { tier }')), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'an unknown field', send: () => post(query('{ secrets }')), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'a subscription (none exists)',
    send: () => post(query('subscription { tiers { tier } }')),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'two operations and no operationName',
    send: () => post(query('query A { tiers { tier } } query B { districts { code } }')),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'an operationName that is not in the document',
    send: () => post({ query: 'query A { tiers { tier } }', operationName: 'B' }),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: '101 aliases',
    send: () => post(query(aliases(101, () => 'districts { code }'))),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    rule: 'MAX_ALIASES',
  },
  {
    name: '450 aliased cohortProgress with distinct dates',
    send: async () =>
      post(query(aliases(450, (i) => `cohortProgress(asOf: "${day(i)}") { active }`)), { token: await analyst() }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    rule: 'MAX_ALIASES',
  },
  {
    name: '2,000 aliased cohortTrend',
    send: async () =>
      post(query(aliases(2000, (i) => `cohortTrend(tier: TECH_SME, from: "2010-01-01", to: "${day(i)}") { active }`)), {
        token: await analyst(),
      }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    rule: 'MAX_TOKENS',
  },
  {
    name: '60 decade-long monthly trends (within the alias limit, over the cost)',
    send: async () =>
      post(
        query(
          aliases(
            60,
            (i) =>
              `cohortTrend(tier: TECH_SME, from: "2000-01-01", to: "2026-${String(1 + (i % 12)).padStart(2, '0')}-01") { periodStart active cumulative }`,
          ),
        ),
        { token: await analyst() },
      ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    rule: 'MAX_COST',
  },
  {
    name: 'cost from variables: a page of 500 with 15 aliases',
    send: async () =>
      post(
        query(
          `query($n: Int) ${aliases(15, () => 'enterprises(first: $n) { edges { node { creditCode name certifications { tier state validUntil } } } }')}`,
          { n: 500 },
        ),
        { token: await analyst() },
      ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    rule: 'MAX_COST',
  },
  {
    name: 'a query 14 levels deep',
    send: () => post(query(`{ enterprise(creditCode: "x") { ${nested(13)} } }`)),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    rule: 'MAX_DEPTH',
  },
  {
    name: 'depth hidden in nested fragments',
    send: () =>
      post(
        query(
          `{ enterprise(creditCode: "x") { ...F0 } } ${Array.from({ length: 14 }, (_, i) => `fragment F${i} on ${i % 2 ? 'District' : 'Enterprise'} { ${i === 13 ? 'code' : i % 2 ? `code` : `district { ...F${i + 1} }`} }`).join(' ')}`,
        ),
      ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'fragments that spread each other (a cycle)',
    send: () =>
      post(
        query(
          '{ enterprise(creditCode: "x") { ...A } } fragment A on Enterprise { name ...B } fragment B on Enterprise { creditCode ...A }',
        ),
      ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: '60 directives',
    send: () => post(query(`{ tiers { ${Array.from({ length: 60 }, () => 'tier @include(if: true)').join(' ')} } }`)),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    rule: 'MAX_DIRECTIVES',
  },
  {
    name: '6,000 tokens',
    send: () => post(query(`{ tiers { ${'tier '.repeat(6000)}} }`)),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    rule: 'MAX_TOKENS',
  },
  {
    name: 'a 200,000-character search text in a variable',
    send: async () =>
      post(
        query('query($s: String) { enterprises(filter: { nameContains: $s }) { totalCount } }', {
          s: '天'.repeat(200_000),
        }),
        { token: await analyst() },
      ),
    status: 400,
    code: 'BAD_USER_INPUT',
    rule: 'TEXT_TOO_LONG',
    field: 's',
  },
  // tokens
  {
    name: 'no token',
    send: () => post(query(STATUS)),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_MISSING',
    field: 'Authorization',
  },
  {
    name: 'Basic credentials',
    send: () => post(query(STATUS), asAuthorization('Basic YWRtaW46YWRtaW4=')),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_MALFORMED',
  },
  {
    name: 'Bearer and nothing else',
    send: () => post(query(STATUS), asAuthorization('Bearer')),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_MALFORMED',
  },
  {
    name: 'a garbage token',
    send: () => post(query(STATUS), { token: 'garbage' }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_MALFORMED',
  },
  {
    name: 'three parts that are not JSON',
    send: () => post(query(STATUS), { token: 'abc.def.ghi' }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_MALFORMED',
  },
  {
    name: 'alg: none',
    send: () =>
      post(query(STATUS), {
        token: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', roles: ['AUDITOR'], iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999 })}.`,
      }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_ALGORITHM',
  },
  {
    name: 'HS256 signed with another secret',
    send: async () =>
      post(query(STATUS), {
        token: await hs256WithKey('another-secret-of-32-characters-at-least'),
      }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_SIGNATURE',
  },
  {
    name: 'algorithm confusion: HS256 keyed with the sign-on public key',
    send: async () =>
      post(query(STATUS), {
        token: await hs256WithKey(JSON.stringify(ssoPublicJwk), 'sso-1'),
      }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_SIGNATURE',
  },
  {
    name: 'an algorithm the sign-on keys are not for (PS256)',
    send: async () =>
      post(query(STATUS), {
        token: await sso({ roles: ['ANALYST'] }, { alg: 'PS256' }, (await generateKeyPair('PS256')).privateKey),
      }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_ALGORITHM',
  },
  {
    name: 'RS256 signed by a stranger',
    send: async () =>
      post(query(STATUS), {
        token: await sso({ roles: ['ANALYST'] }, {}, (await generateKeyPair('RS256')).privateKey),
      }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_SIGNATURE',
  },
  {
    name: 'RS256 naming an unknown key id',
    send: async () => post(query(STATUS), { token: await sso({ roles: ['ANALYST'] }, { kid: 'sso-9' }) }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_SIGNATURE',
  },
  {
    name: 'an expired token',
    send: async () =>
      post(query(STATUS), { token: await hs256({}, (j) => j.setExpirationTime(Math.floor(Date.now() / 1000) - 120)) }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_EXPIRED',
  },
  {
    name: 'a token not valid yet (nbf)',
    send: async () =>
      post(query(STATUS), { token: await hs256({}, (j) => j.setExpirationTime('2h').setNotBefore('1h')) }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_NOT_YET_VALID',
  },
  {
    name: 'a token without exp',
    send: async () => post(query(STATUS), { token: await hs256({}, (j) => j) }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_EXPIRY_MISSING',
  },
  {
    name: 'a token from another issuer',
    send: async () => post(query(STATUS), { token: await hs256({ iss: 'https://evil.example' }) }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_ISSUER',
  },
  {
    name: 'a token without an issuer',
    send: async () => post(query(STATUS), { token: await hs256({ iss: undefined }) }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_ISSUER',
  },
  {
    name: 'a token for another audience',
    send: async () => post(query(STATUS), { token: await hs256({ aud: 'payroll' }) }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_AUDIENCE',
  },
  {
    name: 'a sign-on token for another audience',
    send: async () => post(query(STATUS), { token: await sso({ roles: ['ANALYST'], aud: 'payroll' }) }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_AUDIENCE',
  },
  {
    name: 'a token without a subject',
    send: async () => post(query(STATUS), { token: await hs256({ sub: undefined }) }),
    status: 200,
    code: 'UNAUTHENTICATED',
    rule: 'TOKEN_SUBJECT_MISSING',
  },
  // roles and districts
  {
    name: 'roles: []',
    send: async () => post(query(PROGRESS), { token: await hs256({ roles: [] }) }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'ROLE_REQUIRED',
    field: 'cohortProgress',
  },
  {
    name: 'roles: ["ADMIN"] (unknown, ignored)',
    send: async () => post(query('{ enterprises { totalCount } }'), { token: await hs256({ roles: ['ADMIN'] }) }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'ROLE_REQUIRED',
    field: 'enterprises',
  },
  {
    name: 'roles as a string',
    send: async () =>
      post(query(`{ enterprise(creditCode: "${OURS}") { name } }`), { token: await hs256({ roles: 'ANALYST' }) }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'ROLE_REQUIRED',
    field: 'enterprise',
  },
  {
    name: 'no roles claim',
    send: async () => post(query(STATUS), { token: await hs256({ roles: undefined }) }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'ROLE_REQUIRED',
  },
  {
    name: 'a sign-on token with no known role',
    send: async () => post(query(PROGRESS), { token: await sso({ roles: ['offline_access'] }) }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'ROLE_REQUIRED',
  },
  {
    name: 'an analyst reading the raw history',
    send: async () => post(query(`{ enterpriseHistory(creditCode: "${OURS}") { type } }`), { token: await analyst() }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'ROLE_REQUIRED',
    field: 'enterpriseHistory',
  },
  {
    name: 'an analyst registering an enterprise',
    send: async () =>
      post(query(REGISTER, { input: { creditCode: creditCode(1399), name: '天津某公司', district: BINHAI } }), {
        token: await analyst(),
      }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'ROLE_REQUIRED',
    field: 'registerEnterprise',
  },
  {
    name: "a district official reading another district's enterprise",
    send: async () =>
      post(query(`{ enterprise(creditCode: "${THEIRS}") { name } }`), { token: await binhaiOfficial() }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'DISTRICT_SCOPE',
    field: 'creditCode',
  },
  {
    name: "a district official listing another district's enterprises",
    send: async () =>
      post(query(`{ enterprises(filter: { district: "${HEPING}" }) { totalCount } }`), {
        token: await binhaiOfficial(),
      }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'DISTRICT_SCOPE',
    field: 'filter.district',
  },
  {
    name: "a district official asking another district's expiring certifications",
    send: async () =>
      post(query(`{ expiringCertifications(district: "${HEPING}") { totalCount } }`), {
        token: await binhaiOfficial(),
      }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'DISTRICT_SCOPE',
    field: 'district',
  },
  {
    name: "a district official replaying another district's enterprise",
    send: async () =>
      post(query(`{ enterpriseAsOf(creditCode: "${THEIRS}", on: "2026-06-01") { on } }`), {
        token: await binhaiOfficial(),
      }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'DISTRICT_SCOPE',
    field: 'creditCode',
  },
  {
    name: 'a district official token without its district',
    send: async () =>
      post(query(`{ enterprise(creditCode: "${OURS}") { name } }`), {
        token: await tokenOf({ sub: 'x', roles: ['DISTRICT_OFFICIAL'] }),
      }),
    status: 200,
    code: 'FORBIDDEN',
    rule: 'DISTRICT_CLAIM',
  },
  // arguments and headers
  ...['yesterday', '2026-06-01 12:00', '2026-06-01T12:00:00'].map((knownAt): Case => ({
    name: `knownAt: ${JSON.stringify(knownAt)}`,
    send: async () => post(query(AS_OF_KNOWN_AT, { knownAt }), { token: await analyst() }),
    status: 400,
    code: 'BAD_USER_INPUT',
    rule: 'datetime-format',
    field: 'knownAt',
  })),
  {
    name: 'on: 2026-02-30',
    send: async () =>
      post(query(`query($on: Date!) { enterpriseAsOf(creditCode: "${OURS}", on: $on) { on } }`, { on: '2026-02-30' }), {
        token: await analyst(),
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
    rule: 'date-format',
    field: 'on',
  },
  {
    name: 'a NUL in a name',
    send: async () =>
      post(query(REGISTER, { input: { creditCode: creditCode(1398), name: '天津\u0000公司', district: BINHAI } }), {
        token: await municipal(),
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
    rule: 'CONTROL_CHARACTER',
    field: 'input.name',
  },
  {
    name: 'an escape character in a reason',
    send: async () =>
      post(
        query(`mutation($input: RevokeCertificationInput!) { revokeCertification(input: $input) { position } }`, {
          input: {
            creditCode: OURS,
            tier: 'TECH_SME',
            revokedOn: '2026-04-01',
            reason: 'FRAUD',
            note: 'see \u001b[31mred',
          },
        }),
        { token: await municipal() },
      ),
    status: 400,
    code: 'BAD_USER_INPUT',
    rule: 'CONTROL_CHARACTER',
    field: 'input.note',
  },
  {
    name: 'half a UTF-16 surrogate pair',
    send: async () =>
      post(query('query($s: String) { enterprises(filter: { nameContains: $s }) { totalCount } }', { s: 'a\ud800b' }), {
        token: await analyst(),
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
    rule: 'CONTROL_CHARACTER',
    field: 's',
  },
  {
    name: 'a NUL escaped in a string literal',
    send: async () => post(query(`{ enterprise(creditCode: "9112\\u0000") { name } }`), { token: await analyst() }),
    status: 400,
    code: 'BAD_USER_INPUT',
    rule: 'CONTROL_CHARACTER',
    field: 'creditCode',
  },
  {
    name: 'a page of -1',
    send: async () => post(query('{ enterprises(first: -1) { totalCount } }'), { token: await analyst() }),
    status: 200,
    code: 'BAD_USER_INPUT',
    rule: 'PAGE_SIZE',
    field: 'first',
  },
  {
    name: 'a garbage X-Consistency-Position',
    send: async () => post(query(STATUS), { token: await analyst(), headers: { 'x-consistency-position': 'abc' } }),
    status: 400,
    code: 'BAD_USER_INPUT',
    rule: 'POSITION_FORMAT',
    field: 'X-Consistency-Position',
  },
  {
    name: 'an X-Consistency-Position past 128 bits',
    send: async () =>
      post(query(STATUS), { token: await analyst(), headers: { 'x-consistency-position': '9'.repeat(40) } }),
    status: 400,
    code: 'BAD_USER_INPUT',
    rule: 'POSITION_FORMAT',
  },
  {
    name: 'a negative X-Consistency-Position',
    send: async () => post(query(STATUS), { token: await analyst(), headers: { 'x-consistency-position': '-1' } }),
    status: 400,
    code: 'BAD_USER_INPUT',
    rule: 'POSITION_FORMAT',
  },
  {
    name: 'an invalid credit code',
    send: async () =>
      post(query(REGISTER, { input: { creditCode: 'NOT-A-CODE', name: '天津某公司', district: BINHAI } }), {
        token: await municipal(),
      }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a commandId with spaces',
    send: async () => post(query(GRANT, { input: grantInput({ commandId: 'a b' }) }), { token: await municipal() }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'commandId',
  },
  {
    name: 'importCertifications with invalid base64',
    send: async () =>
      post(query(IMPORT, { input: { fileName: 'list.csv', contentBase64: '%%% not base64 %%%' } }), {
        token: await municipal(),
      }),
    status: 200,
    code: 'BAD_USER_INPUT',
    rule: 'BASE64_INVALID',
    field: 'contentBase64',
  },
  {
    name: 'importCertifications with base64 cut short',
    send: async () =>
      post(query(IMPORT, { input: { fileName: 'list.csv', contentBase64: 'Y3JlZGl0Q29kZQ' } }), {
        token: await municipal(),
      }),
    status: 200,
    code: 'BAD_USER_INPUT',
    rule: 'BASE64_INVALID',
    field: 'contentBase64',
  },
  // idempotency keys belong to their caller
  {
    name: 'a commandId again with another input',
    send: async () =>
      post(query(GRANT, { input: grantInput({ grantedOn: '2026-03-02' }) }), { token: await municipal() }),
    status: 200,
    code: 'CONFLICT',
    rule: 'IDEMPOTENCY_KEY_REUSED',
    field: 'commandId',
  },
  {
    name: 'a commandId again from another actor',
    send: async () =>
      post(query(GRANT, { input: grantInput() }), {
        token: await tokenOf({ sub: 'chen.jie', roles: ['MUNICIPAL_OFFICIAL'] }),
      }),
    status: 200,
    code: 'CONFLICT',
    rule: 'IDEMPOTENCY_KEY_REUSED',
  },
  {
    name: 'a commandId again for another operation',
    send: async () =>
      post(
        query(RENEW, {
          input: { creditCode: OURS, tier: 'TECH_SME', renewedOn: '2026-04-01', commandId: 'hostile-grant-1' },
        }),
        { token: await municipal() },
      ),
    status: 200,
    code: 'CONFLICT',
    rule: 'IDEMPOTENCY_KEY_REUSED',
  },
  {
    name: 'a commandId again on another enterprise',
    send: async () => post(query(GRANT, { input: grantInput({ creditCode: THEIRS }) }), { token: await municipal() }),
    status: 200,
    code: 'CONFLICT',
    rule: 'IDEMPOTENCY_KEY_REUSED',
  },
];

/** No stack trace, no file path, no SQL: nothing of the inside. */
const INTERNALS =
  /\bat \S+ \(|\/work\/|\/home\/|node_modules|\.[jt]s:\d|\bstacktrace\b|QueryFailedError|\bSELECT\b|<html/i;

describe('hostile and careless requests', () => {
  /** Every event in the log, settled or not: what "nothing written" is checked against. */
  const events = async () =>
    (await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM events'))[0].n as number;
  /** The position of the last seeding write: reads sent with it see the seeded enterprises. */
  let seeded = '';

  beforeAll(async () => {
    const token = await municipal();
    for (const [code, district] of [
      [OURS, BINHAI],
      [THEIRS, HEPING],
    ] as const) {
      const res = await post(
        query(REGISTER, { input: { creditCode: code, name: `天津${code.slice(-4)}公司`, district } }),
        { token },
      );
      expect(res.text).not.toMatch(/errors/);
    }
    const granted = JSON.parse((await post(query(GRANT, { input: grantInput() }), { token })).text);
    expect(granted.data.grantCertification.events).toHaveLength(1);
    seeded = granted.data.grantCertification.position;
  });

  it('has at least 60 of them', () => expect(CASES.length).toBeGreaterThanOrEqual(60));

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const head = await events();
    const res = await c.send();
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.text).not.toMatch(INTERNALS);
    const body = JSON.parse(res.text) as { errors?: { extensions?: Record<string, unknown> }[] };
    const error = body.errors?.[0];
    expect({ status: res.status, code: error?.extensions?.code }).toEqual({ status: c.status, code: c.code });
    if (c.rule) expect(error?.extensions?.rule).toBe(c.rule);
    if (c.field) expect(error?.extensions?.field).toBe(c.field);
    expect(error?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await events()).toBe(head);
    expect((await send('/health', { method: 'GET' })).status).toBe(200);
  });

  it('answers STALE_READ with 503 and Retry-After when the read models cannot catch up, and writes nothing', async () => {
    const head = await events();
    const far = ((BigInt(seeded) + 1n) << 30n).toString();
    const res = await post(query(STATUS), { token: await analyst(), headers: { 'x-consistency-position': far } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(JSON.parse(res.text).errors[0].extensions).toMatchObject({ code: 'STALE_READ', rule: 'READ_MODELS_BEHIND' });
    expect(res.text).not.toMatch(INTERNALS);
    expect(await events()).toBe(head);
  }, 15_000);

  it('replays a commandId for the same actor, operation and input, writing nothing', async () => {
    const head = await events();
    const res = await post(query(GRANT, { input: grantInput() }), { token: await municipal() });
    expect(JSON.parse(res.text)).toEqual({
      data: { grantCertification: { position: expect.any(String), events: [] } },
    });
    expect(await events()).toBe(head);
  });

  it('runs queries on their own pool under the read statement timeout, and the projector without it', async () => {
    const [read] = await api.app.get<DataSource>(READ_DATA_SOURCE).query('SHOW statement_timeout');
    const [main] = await api.app.get(DataSource).query('SHOW statement_timeout');
    expect({ read: read.statement_timeout, main: main.statement_timeout }).toEqual({ read: '10s', main: '0' });
  });

  it('still serves a legitimate page of 500 enterprises with their certifications', async () => {
    const page = `{ enterprises(first: 500) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
      creditCode name version deregisteredOn industryCode district { code name }
      certifications { tier level state grantedOn validUntil certificateNo batch endedOn eventId } } } } }`;
    const res = await post(query(page), { token: await analyst() });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).errors).toBeUndefined();
  });

  it('lets a district official read their own enterprise, lists only their district, and counts the city', async () => {
    const options = { token: await binhaiOfficial(), headers: { 'x-consistency-position': seeded } };
    const one = JSON.parse((await post(query(`{ enterprise(creditCode: "${OURS}") { creditCode } }`), options)).text);
    expect(one).toEqual({ data: { enterprise: { creditCode: OURS } } });
    const listed = JSON.parse((await post(query('{ enterprises { edges { node { creditCode } } } }'), options)).text);
    expect(listed.data.enterprises.edges.map((e: { node: { creditCode: string } }) => e.node.creditCode)).toEqual([
      OURS,
    ]);
    const city = JSON.parse(
      (await post(query('{ districtBreakdown(tier: TECH_SME) { district { code } active } }'), options)).text,
    );
    expect(city.data.districtBreakdown).toHaveLength(16);
  });
});
