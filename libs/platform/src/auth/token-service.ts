import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, SignJWT } from 'jose';
import type { RuleName } from '@cl/refusals';
import { AccessDenied, type Actor, type Role, ROLES } from './actor';

export interface TokenServiceOptions {
  /** HS256 secret. */
  secret: string;
  /** RS256/ES256 tokens from an OIDC provider, verified against its JWKS. */
  jwksUrl?: string;
  /** When set, a token's `iss` must be this. */
  issuer?: string;
  /** When set, a token's `aud` must name this. */
  audience?: string;
}

/** Algorithms verified with the JWKS; HS256 is verified with the secret only, never with a provider's key. */
const JWKS_ALGORITHMS = ['RS256', 'ES256'];

function toActor(payload: JWTPayload): Actor {
  // Unknown role names are ignored; a token left with none authenticates but may read only what is public.
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') {
    throw new AccessDenied('UNAUTHENTICATED', 'The bearer token has no subject (sub)', 'TOKEN_SUBJECT_MISSING');
  }
  const district = typeof payload.district === 'string' ? payload.district : undefined;
  return district ? { sub: payload.sub, roles, district } : { sub: payload.sub, roles };
}

/** The JWS header of a compact token, or null when the token is not shaped like one. */
function headerOf(token: string): { alg?: unknown } | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[\w-]*$/.test(p))) return null;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null ? header : null;
  } catch {
    return null;
  }
}

/** One clear sentence (and a rule) for each way a token can fail, instead of a library's message. */
function refusal(error: unknown): AccessDenied {
  const denied = (message: string, rule: RuleName) => new AccessDenied('UNAUTHENTICATED', message, rule);
  if (error instanceof AccessDenied) return error;
  if (error instanceof errors.JWTExpired) return denied('The bearer token has expired: get a new one', 'TOKEN_EXPIRED');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'exp':
        return denied('The bearer token has no expiry (exp): tokens must expire', 'TOKEN_EXPIRY_MISSING');
      case 'nbf':
        return denied('The bearer token is not valid yet (nbf lies in the future)', 'TOKEN_NOT_YET_VALID');
      case 'iat':
        return denied('The bearer token was issued in the future (iat)', 'TOKEN_NOT_YET_VALID');
      case 'iss':
        return denied('The bearer token comes from another issuer (iss)', 'TOKEN_ISSUER');
      case 'aud':
        return denied('The bearer token is meant for another audience (aud)', 'TOKEN_AUDIENCE');
      default:
        return denied(`The bearer token's claim ${error.claim} is not valid`, 'TOKEN_CLAIMS');
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return denied('The bearer token is signed with an algorithm this service does not accept', 'TOKEN_ALGORITHM');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return denied('The bearer token is not signed by a key this service trusts', 'TOKEN_SIGNATURE');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return denied("The sign-on provider's keys could not be fetched to check the token: try again", 'TOKEN_KEYS');
  }
  return denied('The bearer token is not a valid JWT', 'TOKEN_MALFORMED');
}

/** Verified tokens kept, so a client's every request does not pay for the signature check again. */
const VERIFIED_CACHE_SIZE = 1000;

/** Verifies bearer tokens (HS256 with the secret, or the provider's keys) and issues development tokens. */
export class TokenService {
  private readonly key: Uint8Array;
  /** token → the actor and when the token expires (ms); oldest first, for eviction. */
  private readonly verified = new Map<string, { actor: Actor; expiresAt: number }>();
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: TokenServiceOptions) {
    this.key = new TextEncoder().encode(options.secret);
    if (options.jwksUrl) this.jwks = createRemoteJWKSet(new URL(options.jwksUrl));
  }

  /** The caller behind `Authorization: Bearer …`; throws AccessDenied(UNAUTHENTICATED) with a rule when invalid. */
  async verify(token: string): Promise<Actor> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.actor;
    if (known) this.verified.delete(token);
    const header = headerOf(token);
    if (!header) {
      throw new AccessDenied(
        'UNAUTHENTICATED',
        'The bearer token is not a JWT (three base64url parts separated by dots)',
        'TOKEN_MALFORMED',
      );
    }
    const checks = { issuer: this.options.issuer, audience: this.options.audience, requiredClaims: ['exp'] };
    try {
      // The header only picks which key to try; each key is used with its own algorithms only, so a token that
      // names HS256 is never checked against a provider's public key (algorithm confusion) and `none` never passes.
      const { payload } =
        header.alg === 'HS256' || !this.jwks
          ? await jwtVerify(token, this.key, { ...checks, algorithms: ['HS256'] })
          : await jwtVerify(token, this.jwks, { ...checks, algorithms: JWKS_ALGORITHMS });
      const actor = toActor(payload);
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { actor, expiresAt: payload.exp! * 1000 });
      return actor;
    } catch (error) {
      throw refusal(error);
    }
  }

  /** An HS256 token for the actor (development and tests), with the configured issuer and audience. */
  sign(actor: Actor, expiresIn = '12h'): Promise<string> {
    const jwt = new SignJWT({ roles: [...actor.roles], ...(actor.district ? { district: actor.district } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(actor.sub)
      .setIssuedAt()
      .setExpirationTime(expiresIn);
    if (this.options.issuer) jwt.setIssuer(this.options.issuer);
    if (this.options.audience) jwt.setAudience(this.options.audience);
    return jwt.sign(this.key);
  }
}
