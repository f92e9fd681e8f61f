/** The contract's error codes (`extensions.code`) that the application raises itself. */
export const CONTRACT_ERROR_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'STALE_READ',
  // the service's own refusals of a request (not in the contract's list): over its rate limit
  'RATE_LIMITED',
  // a read that ran past the read pool's statement_timeout
  'QUERY_TOO_COMPLEX',
  'UNAVAILABLE',
]);

/**
 * Codes of malformed requests, as Apollo Server named them (clients know them; the error formatter gives them
 * since the move to Mercurius); safe to show as they are.
 */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
