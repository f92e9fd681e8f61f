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

/** A request refused for who is asking; `code` is the GraphQL extensions code. */
export class AccessDenied extends Error {
  constructor(
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
  ) {
    super(message);
    this.name = 'AccessDenied';
  }
}

/** True when the actor holds any of the roles. */
export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
