import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isUnavailable } from '../faults';
import { APOLLO_REQUEST_ERROR_CODES, CONTRACT_ERROR_CODES } from './error-codes';

const isPublic = (code: string) => CONTRACT_ERROR_CODES.has(code) || APOLLO_REQUEST_ERROR_CODES.has(code);

/** The answer when the database or event store cannot be reached (HTTP 503 with Retry-After, see graphql-options). */
export const UNAVAILABLE_ANSWER = {
  message: 'The service cannot reach its database right now; try again shortly',
  extensions: { code: 'UNAVAILABLE', retryable: true },
} as const;

/** Keeps the contract's error codes and fields; answers anything unexpected without internals. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && isPublic(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Raised outside a resolver (a plugin, the context): the database or event store could not be reached.
  if (error !== undefined && isUnavailable(unwrapResolverError(error))) {
    return { ...UNAVAILABLE_ANSWER, path: formatted.path };
  }
  return {
    message: 'Internal server error: the failure was logged with this request id',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
