// Every error answer is JSON without internals (ARCHITECTURE.md, Operations): the GraphQL error shape
// `{ errors: [{ message, extensions: { code, rule, requestId } }] }`, on /graphql and on every other path alike.
import { HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

export interface ErrorAnswer {
  readonly status: number;
  readonly code: string;
  readonly rule?: string;
  readonly message: string;
}

/** The body of an error answer. */
export function errorBody(answer: ErrorAnswer, requestId: string | undefined): object {
  const extensions = { code: answer.code, ...(answer.rule ? { rule: answer.rule } : {}), requestId };
  return { errors: [{ message: answer.message, extensions }] };
}

/** Sends an error answer as JSON (status, body, no caching). */
export function sendError(reply: FastifyReply, answer: ErrorAnswer, requestId: string | undefined): FastifyReply {
  if (reply.sent) return reply;
  return reply
    .code(answer.status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(errorBody(answer, requestId));
}

/** The id the request log gave the request (X-Request-Id), if it has one. */
export function requestIdOf(raw: { id?: unknown }): string | undefined {
  return raw.id === undefined ? undefined : String(raw.id);
}

/** What the JSON body reader (body-parser) reports, by its error `type`. */
const BODY_ERRORS: Record<string, Omit<ErrorAnswer, 'status'>> = {
  'entity.parse.failed': {
    code: 'BAD_REQUEST',
    rule: 'JSON_MALFORMED',
    message: 'The request body is not a valid JSON object',
  },
  'entity.too.large': {
    code: 'PAYLOAD_TOO_LARGE',
    rule: 'BODY_TOO_LARGE',
    message: 'The request body is larger than the service accepts (6 MB)',
  },
  'charset.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    rule: 'CHARSET_UNSUPPORTED',
    message: 'The request body must be UTF-8',
  },
  'encoding.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    rule: 'ENCODING_UNSUPPORTED',
    message: 'The request body must not be compressed with that Content-Encoding',
  },
  'request.aborted': { code: 'BAD_REQUEST', rule: 'BODY_INCOMPLETE', message: 'The request body was cut off' },
  'request.size.invalid': {
    code: 'BAD_REQUEST',
    rule: 'BODY_INCOMPLETE',
    message: 'The request body does not match its Content-Length',
  },
};

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

const INTERNAL: ErrorAnswer = {
  status: 500,
  code: 'INTERNAL_SERVER_ERROR',
  message: 'Internal server error: the failure was logged with this request id',
};

/**
 * A failure of the request's body as the body reader or Fastify reports it (not JSON, too large, not UTF-8, cut
 * off, an encoding it cannot undo), or undefined when `error` is not one.
 */
export function bodyErrorAnswer(error: unknown): ErrorAnswer | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, code, status, statusCode } = error as {
    type?: unknown;
    code?: unknown;
    status?: unknown;
    statusCode?: unknown;
  };
  const httpStatus = typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : undefined;
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  if (known && httpStatus) return { status: httpStatus, ...known };
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return {
      status: 400,
      code: 'BAD_REQUEST',
      rule: 'BODY_ENCODING',
      message: 'The request body does not decompress as its Content-Encoding says',
    };
  }
  if (typeof code === 'string' && code.startsWith('FST_ERR_CTP_') && httpStatus && httpStatus < 500) {
    const message = (error as { message?: unknown }).message;
    return {
      status: httpStatus,
      code: STATUS_CODES[httpStatus] ?? 'BAD_REQUEST',
      message: typeof message === 'string' ? message.slice(0, 300) : 'The request body was refused',
    };
  }
  return undefined;
}

/**
 * What to answer for an exception outside GraphQL execution: the request's own mistakes (a body that is not JSON,
 * too large, an unknown path) by their status with one clear sentence; an HttpException a route threw on purpose
 * (e.g. /health/ready's 503 with its details) as it is; anything else a 500 without internals.
 */
export function httpErrorAnswer(exception: unknown, method: string, path: string): ErrorAnswer | HttpException {
  const body = bodyErrorAnswer(exception) ?? bodyErrorAnswer((exception as { cause?: unknown } | null)?.cause);
  if (body) return body;
  if (!(exception instanceof HttpException)) return INTERNAL;
  const status = exception.getStatus();
  if (status === 404) {
    return {
      status,
      code: 'NOT_FOUND',
      rule: 'UNKNOWN_PATH',
      message: `Nothing is served at ${method} ${path.slice(0, 200)}: the API is POST /graphql`,
    };
  }
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response !== null && typeof (response as { message?: unknown }).message === 'string'
      ? (response as { message: string }).message
      : exception.message;
  if (typeof exception.cause === 'object' && exception.cause !== null) {
    return { status, code: STATUS_CODES[status] ?? 'BAD_REQUEST', message: message.slice(0, 300) };
  }
  return exception;
}
