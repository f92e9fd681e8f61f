import { session, signOut } from '../auth/session';
import { locale } from '../i18n';
import type { TypedDocumentString } from './generated/graphql';

/** One GraphQL error as the API answers it (extensions.code, field and rule). */
export interface ApiErrorDetail {
  message: string;
  code?: string;
  field?: string;
  rule?: string;
  /** The rest of the extensions: facts the refusal's text may use (the missing tier, the expected form). */
  details?: Readonly<Record<string, unknown>>;
}

export class ApiError extends Error {
  constructor(readonly details: ApiErrorDetail[]) {
    super(details.map((d) => d.message).join('; '));
    this.name = 'ApiError';
  }
  get first(): ApiErrorDetail {
    return this.details[0] ?? { message: this.message };
  }
}

/** The highest position a write returned that no read has yet waited for (read-your-writes). */
let pendingPosition: string | undefined;

function later(a: string | undefined, b: string): string {
  return a !== undefined && BigInt(a) >= BigInt(b) ? a : b;
}

/** After a write: the next reads send X-Consistency-Position so they see it. */
export function rememberPosition(position: string | null | undefined): void {
  if (position) pendingPosition = later(pendingPosition, position);
}

/** Variables are required when the document declares a required one, optional otherwise. */
type VariablesArgument<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; rule?: string; [key: string]: unknown } }[];
}

/** POST /graphql with the user's bearer token; the only way the console talks to the service. */
export async function gql<T, V>(document: TypedDocumentString<T, V>, ...[variables]: VariablesArgument<V>): Promise<T> {
  const query = document.toString();
  const waitFor = /^\s*mutation\b/.test(query) ? undefined : pendingPosition;
  try {
    const data = await send<T>(query, variables ?? {}, session.token.value, waitFor);
    if (waitFor && pendingPosition === waitFor) pendingPosition = undefined;
    return data;
  } catch (e) {
    // the token is refused (expired, revoked key…): back to the sign-in page, which says why
    const refused = e instanceof ApiError ? e.details.find((d) => d.code === 'UNAUTHENTICATED') : undefined;
    if (refused) signOut(refused.rule ?? 'TOKEN_INVALID');
    throw e;
  }
}

/** One POST to /graphql with `token` as the bearer; throws ApiError with the API's refusals. */
export async function send<T>(
  query: string,
  variables: unknown,
  token: string | undefined,
  waitFor?: string,
): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    // answers meant for people (the import report) come in the page's language
    'accept-language': locale.value,
  };
  if (token) headers.authorization = `Bearer ${token}`;
  if (waitFor) headers['x-consistency-position'] = waitFor;
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
  } catch {
    // No answer arrived (the connection dropped): a write may or may not have happened.
    throw new ApiError([{ message: 'network', code: 'NETWORK' }]);
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError([
      { message: `HTTP ${response.status}`, code: response.status === 429 ? 'RATE_LIMITED' : 'HTTP' },
    ]);
  }
  if (body.errors?.length) {
    const details = body.errors.map(({ message, extensions = {} }) => {
      const { code, field, rule, ...rest } = extensions;
      return { message, code, field, rule, details: rest };
    });
    throw new ApiError(details);
  }
  if (!body.data) throw new ApiError([{ message: `HTTP ${response.status}` }]);
  return body.data;
}
