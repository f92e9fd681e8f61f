import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import helmet from 'helmet';
import { noteOutcome } from '../graphql/operation-plugin';
import { requestIdOf, sendError } from './json-errors';

/**
 * Security headers on every response (helmet, on the raw response), with a Content-Security-Policy for the web
 * console served from the same origin: its own scripts only; inline styles allowed (Element Plus and ECharts set
 * them); images also from data: and blob: (chart exports); requests and sign-in forms to this origin and the city's
 * sign-on (OIDC_ISSUER).
 */
export function securityHeaders(oidcIssuer: string | undefined) {
  const issuer = oidcIssuer ? [new URL(oidcIssuer).origin] : [];
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...issuer],
        formAction: ["'self'", ...issuer],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    // The console opens the sign-on in a popup or redirect and must read its answer: same-origin-allow-popups.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void =>
    headers(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0]!;

/**
 * POST /graphql takes `application/json` only (the GraphQL-over-HTTP media type for requests): anything else is
 * 415 with a JSON error body, before the body is read. Other methods than GET and POST are 405.
 */
export function graphqlContentType(path = '/graphql') {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (pathOf(request) !== path) return done();
    if (request.method !== 'POST') {
      // HEAD too: Fastify would run the GET route for it, where Mercurius's mutations-only-by-POST check looks for GET
      if (request.method === 'GET') return done();
      reply.header('allow', 'GET, POST');
      return void sendError(
        reply,
        { status: 405, code: 'BAD_REQUEST', rule: 'METHOD', message: `${path} takes GET and POST only` },
        requestIdOf(request.raw as { id?: unknown }),
      );
    }
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json') return done();
    sendError(
      reply,
      {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        rule: 'CONTENT_TYPE',
        message: `POST ${path} takes Content-Type: application/json${type ? ` (got ${type.slice(0, 100)})` : ''}`,
      },
      requestIdOf(request.raw as { id?: unknown }),
    );
  };
}

/** The message Apollo Server gave a request it took for a cross-site forgery; clients and tests know it. */
const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight";
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * CSRF prevention for GET /graphql (a browser sends a GET cross-site without a preflight): only with a
 * non-simple Content-Type or an `x-apollo-operation-name` / `apollo-require-preflight` header. POST is JSON only
 * (above), which a browser never sends cross-site without a preflight. The WebSocket upgrade is not a query.
 */
export function csrfPrevention(path = '/graphql') {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (request.method !== 'GET' || pathOf(request) !== path) return done();
    if ((request.headers.upgrade ?? '').toLowerCase() === 'websocket') return done();
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const preflighted = ['x-apollo-operation-name', 'apollo-require-preflight'].some((h) => !!request.headers[h]);
    if (preflighted || (type !== '' && !SIMPLE_TYPES.has(type))) return done();
    noteOutcome(request.raw, 'BAD_REQUEST'); // a GraphQL answer in the operation metrics, as under Apollo
    sendError(
      reply,
      { status: 400, code: 'BAD_REQUEST', rule: 'CSRF_PREVENTION', message: CSRF_MESSAGE },
      requestIdOf(request.raw as { id?: unknown }),
    );
  };
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with a POST /graphql body's shape (GraphQL over HTTP), or undefined. */
function shapeProblem(body: unknown): string | undefined {
  if (Array.isArray(body)) return 'Batched operations are not taken: send one operation per request';
  if (!isObject(body)) return 'The body must be a JSON object with a query';
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return 'The body must hold a non-empty `query` string';
  if (variables !== undefined && variables !== null && !isObject(variables)) return '`variables` must be an object';
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return '`operationName` must be a string';
  }
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) return '`extensions` must be an object';
  return undefined;
}

/** A Fastify preValidation hook: POST /graphql's body is one GraphQL request (query, variables, operationName). */
export function graphqlRequestShape(path = '/graphql') {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (request.method !== 'POST' || pathOf(request) !== path) return done();
    const problem = shapeProblem(request.body);
    if (problem === undefined) return done();
    sendError(
      reply,
      { status: 400, code: 'BAD_REQUEST', rule: 'REQUEST_SHAPE', message: problem },
      requestIdOf(request.raw as { id?: unknown }),
    );
  };
}
