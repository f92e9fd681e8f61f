import { createRemoteJWKSet, jwtVerify, type JWTPayload, SignJWT } from 'jose';
import { AccessDenied, type Actor, type Role, ROLES } from './actor';

export interface TokenServiceOptions {
  /** HS256 secret. */
  secret: string;
  /** RS256/ES256 tokens from an OIDC provider, verified against its JWKS. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

function toActor(payload: JWTPayload): Actor {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  if (!payload.sub) throw new AccessDenied('UNAUTHENTICATED', 'The token has no subject (sub)');
  const district = typeof payload.district === 'string' ? payload.district : undefined;
  return district ? { sub: payload.sub, roles, district } : { sub: payload.sub, roles };
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

  /** The caller behind `Authorization: Bearer …`; throws AccessDenied(UNAUTHENTICATED) when invalid. */
  async verify(token: string): Promise<Actor> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.actor;
    if (known) this.verified.delete(token);
    const claims = { issuer: this.options.issuer, audience: this.options.audience };
    try {
      const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
        alg?: string;
      };
      const { payload } =
        header.alg === 'HS256' || !this.jwks
          ? await jwtVerify(token, this.key, { ...claims, algorithms: ['HS256'] })
          : await jwtVerify(token, this.jwks, { ...claims, algorithms: ['RS256', 'ES256'] });
      const actor = toActor(payload);
      if (payload.exp !== undefined) {
        if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
        this.verified.set(token, { actor, expiresAt: payload.exp * 1000 });
      }
      return actor;
    } catch (error) {
      if (error instanceof AccessDenied) throw error;
      throw new AccessDenied('UNAUTHENTICATED', `The bearer token is not valid: ${(error as Error).message}`);
    }
  }

  /** An HS256 token for the actor (development and tests). */
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
