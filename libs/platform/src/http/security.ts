import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { sendError } from './json-errors';

/**
 * Security headers on every response (helmet), with a Content-Security-Policy for the web console served from the
 * same origin: its own scripts only; inline styles allowed (Element Plus and ECharts set them); images also from
 * data: and blob: (chart exports); requests and sign-in forms to this origin and the city's sign-on (OIDC_ISSUER).
 */
export function securityHeaders(oidcIssuer: string | undefined) {
  const issuer = oidcIssuer ? [new URL(oidcIssuer).origin] : [];
  return helmet({
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
}

/**
 * POST /graphql takes `application/json` only (the GraphQL-over-HTTP media type for requests): anything else is
 * 415 with a JSON error body, before the body is read.
 */
export function graphqlContentType(path = '/graphql') {
  return (req: Request & { id?: unknown }, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || req.path !== path) return next();
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json') return next();
    sendError(
      res,
      {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        rule: 'CONTENT_TYPE',
        message: `POST ${path} takes Content-Type: application/json${type ? ` (got ${type.slice(0, 100)})` : ''}`,
      },
      req.id === undefined ? undefined : String(req.id),
    );
  };
}
