import type { GraphQLFormattedError } from 'graphql';
import { currentRequestId } from '../http/request-scope';
import { isUnavailable } from '../faults';
import { CONTRACT_ERROR_CODES, REQUEST_ERROR_CODES } from './error-codes';

const isPublic = (code: string) => CONTRACT_ERROR_CODES.has(code) || REQUEST_ERROR_CODES.has(code);

/** The answer when the database or event store cannot be reached (HTTP 503 with Retry-After, see graphql-options). */
export const UNAVAILABLE_ANSWER = {
  message: 'The service cannot reach its database right now; try again shortly',
  extensions: { code: 'UNAVAILABLE', retryable: true },
} as const;

/**
 * The field and rule of a refusal graphql-js words itself: a variable that does not coerce names the variable (and
 * the path inside it), an oversized document the token limit.
 */
function namedBy(message: string, extensions: Record<string, unknown>): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  const variable = /^Variable "\$([\w]+)" got invalid value .*? at "([\w.[\]]+)"|^Variable "\$([\w]+)"/.exec(message);
  if (variable && extensions.field === undefined) named.field = variable[2] ?? variable[1] ?? variable[3];
  if (variable && extensions.rule === undefined) named.rule = 'VARIABLE_TYPE';
  if (/^Syntax Error: Document contains more th(?:at|an) \d+ tokens/.test(message)) named.rule = 'MAX_TOKENS';
  return named;
}

/**
 * Keeps the contract's error codes and fields; answers anything unexpected without internals. Every error carries
 * the request id (X-Request-Id) when it is known, so a caller can quote it.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error?: unknown,
  requestId = currentRequestId(),
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const id = requestId ? { requestId } : {};
  if (typeof code === 'string' && isPublic(code)) {
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, ...namedBy(formatted.message, extensions), ...id } };
  }
  // Raised outside a resolver (a check before execution, the context): the database or event store could not be
  // reached (isUnavailable looks through originalError).
  if (error !== undefined && isUnavailable(error)) {
    return { ...UNAVAILABLE_ANSWER, extensions: { ...UNAVAILABLE_ANSWER.extensions, ...id }, path: formatted.path };
  }
  return {
    message: 'Internal server error: the failure was logged with this request id',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...id },
  };
}
