import { session, signOut } from '../auth/session';
import type { TypedDocumentString } from './generated/graphql';

/** One GraphQL error as the API answers it (extensions.code, field and rule). */
export interface ApiErrorDetail {
  message: string;
  code?: string;
  field?: string;
  rule?: string;
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
  errors?: { message: string; extensions?: { code?: string; field?: string; rule?: string } }[];
}

/** POST /graphql with the user's bearer token; the only way the console talks to the service. */
export async function gql<T, V>(document: TypedDocumentString<T, V>, ...[variables]: VariablesArgument<V>): Promise<T> {
  const query = document.toString();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (session.token.value) headers.authorization = `Bearer ${session.token.value}`;
  const isMutation = /^\s*mutation\b/.test(query);
  const waitFor = isMutation ? undefined : pendingPosition;
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
    const details = body.errors.map((e) => ({
      message: e.message,
      code: e.extensions?.code,
      field: e.extensions?.field,
      rule: e.extensions?.rule,
    }));
    if (details.some((d) => d.code === 'UNAUTHENTICATED')) signOut();
    throw new ApiError(details);
  }
  if (waitFor && pendingPosition === waitFor) pendingPosition = undefined;
  if (!body.data) throw new ApiError([{ message: `HTTP ${response.status}` }]);
  return body.data;
}
