import type { GraphQLFormattedError } from 'graphql';
import { APOLLO_REQUEST_ERROR_CODES, CONTRACT_ERROR_CODES } from './error-codes';

const isPublic = (code: string) => CONTRACT_ERROR_CODES.has(code) || APOLLO_REQUEST_ERROR_CODES.has(code);

/** Keeps the contract's error codes and fields; answers anything unexpected without internals. */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && isPublic(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error: the failure was logged with this request id',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
