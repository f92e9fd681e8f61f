import { Refusal, type RuleName } from '@cl/refusals';

/** The roles of DOMAIN.md's "Who may do what". */
export const ROLES = ['DISTRICT_OFFICIAL', 'MUNICIPAL_OFFICIAL', 'ANALYST', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. */
export interface Actor {
  readonly sub: string;
  readonly roles: readonly Role[];
  /** The district a DISTRICT_OFFICIAL acts for. */
  readonly district?: string;
}

/**
 * A request refused for who is asking; `code` is the GraphQL extensions code, `field` what the refusal is about
 * (the operation, an argument, or `Authorization` for the token) and `rule` which rule refused it.
 */
export class AccessDenied extends Refusal {
  constructor(
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
    rule: RuleName = code === 'FORBIDDEN' ? 'ROLE_REQUIRED' : 'TOKEN_INVALID',
    field: string = 'Authorization',
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(rule, field, message, details);
  }
}

/** True when the actor holds any of the roles. */
export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/**
 * The district whose enterprise-level data the actor may read: null for city-wide readers (municipal officials,
 * analysts, auditors), the token's district for a reader who is only a district official.
 */
export function readScopeOf(actor: Actor): string | null {
  if (hasRole(actor, 'MUNICIPAL_OFFICIAL', 'ANALYST', 'AUDITOR')) return null;
  const district = actor.district?.trim(); // trimmed, as commands compare it
  if (!district) {
    throw new AccessDenied('FORBIDDEN', 'A district official token must carry the claim district', 'DISTRICT_CLAIM');
  }
  return district;
}
