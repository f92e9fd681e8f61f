// Which failures mean "the database (or event store) cannot be reached right now, try again" rather than
// "a bug": they are answered UNAVAILABLE (HTTP 503 + Retry-After, retryable) instead of INTERNAL_SERVER_ERROR.

/** Seconds a caller is told to wait before retrying (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

/** Raised where the service itself decides it cannot answer in time (the request deadline). */
export class ServiceUnavailable extends Error {
  readonly code = 'UNAVAILABLE';
  readonly retryable = true;
  constructor(message = 'The service cannot reach its database right now; try again shortly') {
    super(message);
    this.name = 'ServiceUnavailable';
  }
}

/** Socket-level failures of a connection (node errno codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, shutting down, in recovery), 53300 too_many_connections. Not here:
 * 40001/40P01 (the callers retry those) and 57014 (a statement past statement_timeout: the query's own cost).
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

/** What node-postgres says when a connection is lost or cannot be had in time. */
const PG_MESSAGES = [
  /^Connection terminated/i, // "… unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i, // pool connectionTimeoutMillis
  /^Query read timeout/i, // query_timeout
  /Client has encountered a connection error and is not queryable/i,
  /Cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/** @eventstore/db-client error types (CommandError.type) that mean the server cannot be reached. */
const EVENT_STORE_TYPES = new Set(['unavailable', 'deadline-exceeded', 'not-leader', 'timeout', 'cancelled']);

function causes(error: unknown): unknown[] {
  const seen = new Set<unknown>();
  const queue = [error];
  const out: unknown[] = [];
  while (queue.length > 0 && out.length < 20) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    out.push(e);
    const o = e as { cause?: unknown; driverError?: unknown; originalError?: unknown; errors?: unknown };
    queue.push(o.cause, o.driverError, o.originalError);
    if (Array.isArray(o.errors)) queue.push(...(o.errors as unknown[]));
  }
  return out;
}

/** True when `error` (or anything it wraps) says the database or event store cannot be reached or answer in time. */
export function isUnavailable(error: unknown): boolean {
  return causes(error).some((e) => {
    const { code, type, message } = e as { code?: unknown; type?: unknown; message?: unknown };
    if (code === 'UNAVAILABLE') return true;
    if (
      typeof code === 'string' &&
      (NETWORK_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isUnavailableSqlState(code)))
    )
      return true;
    if (typeof type === 'string' && EVENT_STORE_TYPES.has(type)) return true;
    return typeof message === 'string' && PG_MESSAGES.some((m) => m.test(message));
  });
}
