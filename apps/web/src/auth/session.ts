import { computed, ref } from 'vue';
import { storedToken, TOKEN_STORAGE_KEY as STORAGE_KEY } from './token-storage';

export type Role = 'DISTRICT_OFFICIAL' | 'MUNICIPAL_OFFICIAL' | 'ANALYST' | 'AUDITOR';
const ROLES: readonly Role[] = ['DISTRICT_OFFICIAL', 'MUNICIPAL_OFFICIAL', 'ANALYST', 'AUDITOR'];

/** Who the token says is signed in (the API verifies the token on every request; this is for display). */
export interface SessionUser {
  sub: string;
  name?: string;
  roles: Role[];
  district?: string;
  /** Seconds since the epoch, when the token has `exp`. */
  exp?: number;
}

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/**
 * Why a token cannot be used, read from the token itself before the API is asked: the API's rule where it
 * has one, ROLE_UNKNOWN (the console's own) for a token none of whose roles this service knows.
 */
export type TokenProblem =
  { rule: 'TOKEN_MALFORMED' | 'TOKEN_EXPIRED' | 'TOKEN_SUBJECT_MISSING' } | { rule: 'ROLE_UNKNOWN'; roles: string[] };

/** The token's claims as a user, or the problem that keeps it from being one. */
export function readToken(token: string, now = Date.now()): SessionUser | TokenProblem {
  let claims: Record<string, unknown>;
  try {
    claims = decodePayload(token.trim());
  } catch {
    return { rule: 'TOKEN_MALFORMED' };
  }
  if (typeof claims.sub !== 'string') return { rule: 'TOKEN_SUBJECT_MISSING' };
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  if (exp !== undefined && exp * 1000 <= now) return { rule: 'TOKEN_EXPIRED' };
  const named = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  const roles = named.filter((r): r is Role => ROLES.includes(r as Role));
  if (roles.length === 0) return { rule: 'ROLE_UNKNOWN', roles: named };
  return {
    sub: claims.sub,
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    roles,
    ...(typeof claims.district === 'string' ? { district: claims.district } : {}),
    ...(exp !== undefined ? { exp } : {}),
  };
}

/** The token's claims as a user, or undefined when it is not a readable, unexpired JWT with a known role. */
export function userFromToken(token: string, now = Date.now()): SessionUser | undefined {
  const read = readToken(token, now);
  return 'sub' in read ? read : undefined;
}

const token = ref<string | undefined>(storedToken());
if (token.value && !userFromToken(token.value)) token.value = undefined;

export const session = {
  token,
  user: computed(() => (token.value ? userFromToken(token.value) : undefined)),
};

/** Keeps the token for this tab only (sessionStorage); false when it is not a usable JWT. */
export function signIn(value: string): boolean {
  const trimmed = value.trim();
  if (!userFromToken(trimmed)) return false;
  sessionStorage.setItem(STORAGE_KEY, trimmed);
  token.value = trimmed;
  return true;
}

const REASON_KEY = 'cl.signout-reason';

/** Forgets the token; `reason` (the API's rule) is kept for the sign-in page to say why. */
export function signOut(reason?: string): void {
  sessionStorage.removeItem(STORAGE_KEY);
  if (reason) sessionStorage.setItem(REASON_KEY, reason);
  token.value = undefined;
}

/** Why the last session ended, once (then forgotten). */
export function takeSignOutReason(): string | undefined {
  const reason = sessionStorage.getItem(REASON_KEY) ?? undefined;
  sessionStorage.removeItem(REASON_KEY);
  return reason;
}

export function hasRole(...roles: Role[]): boolean {
  return session.user.value?.roles.some((r) => roles.includes(r)) ?? false;
}

/** What the signed-in role may do (the API enforces the same; the page only offers it). */
export const can = {
  read: computed(() => hasRole('ANALYST', 'AUDITOR', 'MUNICIPAL_OFFICIAL', 'DISTRICT_OFFICIAL')),
  write: computed(() => hasRole('DISTRICT_OFFICIAL', 'MUNICIPAL_OFFICIAL')),
  audit: computed(() => hasRole('AUDITOR')),
  /** Targets, the city's and each district's own, are set by municipal officials. */
  setTargets: computed(() => hasRole('MUNICIPAL_OFFICIAL')),
  /** The GraphQL explorer (/graphiql) is the analysts' and auditors' desk. */
  explore: computed(() => hasRole('ANALYST', 'AUDITOR')),
  /** A district official acts for one district only. */
  district: computed(() =>
    hasRole('MUNICIPAL_OFFICIAL', 'ANALYST', 'AUDITOR') ? undefined : session.user.value?.district,
  ),
};
