// Every error answer is JSON without internals (ARCHITECTURE.md, Operations): the GraphQL error shape
// `{ errors: [{ message, extensions: { code, rule, requestId } }] }`, on /graphql and on every other path alike.
import { HttpException } from '@nestjs/common';
import type { Response } from 'express';

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
export function sendError(res: Response, answer: ErrorAnswer, requestId: string | undefined): void {
  if (res.headersSent) return void res.end();
  res.status(answer.status).setHeader('Cache-Control', 'no-store');
  res.json(errorBody(answer, requestId));
}

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

/**
 * What to answer for an exception outside GraphQL execution: the request's own mistakes (a body that is not JSON,
 * too large, an unknown path) by their status with one clear sentence; an HttpException a route threw on purpose
 * (e.g. /health/ready's 503 with its details) as it is; anything else a 500 without internals.
 */
export function httpErrorAnswer(exception: unknown, method: string, path: string): ErrorAnswer | HttpException {
  if (!(exception instanceof HttpException)) {
    return {
      status: 500,
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error: the failure was logged with this request id',
    };
  }
  const status = exception.getStatus();
  const type = (exception.cause as { type?: unknown } | undefined)?.type;
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  if (known) return { status, ...known };
  const zlib = (exception.cause as { code?: unknown } | undefined)?.code;
  if (typeof zlib === 'string' && zlib.startsWith('Z_')) {
    return {
      status: 400,
      code: 'BAD_REQUEST',
      rule: 'BODY_ENCODING',
      message: 'The request body does not decompress as its Content-Encoding says',
    };
  }
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
