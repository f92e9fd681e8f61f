import { type ArgumentsHost, Catch, HttpException, Inject } from '@nestjs/common';
import { type GqlExceptionFilter } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { Refusal } from '@cl/refusals';
import { httpErrorAnswer, sendError } from '../http/json-errors';
import { LOGGER } from '../platform.module';
import { isUnavailable, ServiceUnavailable } from '../faults';
import { UNAVAILABLE_ANSWER } from './format-error';

/** PostgreSQL cancelled the statement at statement_timeout (SQLSTATE 57014, query_canceled). */
function isStatementTimeout(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  return driver?.code === '57014' || (error as { code?: unknown } | null)?.code === '57014';
}

/**
 * Every Refusal (domain, concurrency, idempotency, query input, access, import: one coded base, @cl/refusals)
 * becomes a GraphQL error with `extensions.code`, and `field`, `rule` and its `details` when it has them.
 * A database or event store that cannot be reached is UNAVAILABLE (retryable: true).
 * Anything else passes on as an internal failure, which is logged and answered without internals.
 * Outside GraphQL (a body that is not JSON, an unknown path) the answer is the same JSON shape (json-errors.ts).
 */
@Catch()
export class CodedErrorFilter implements GqlExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() !== 'graphql') return this.answerHttp(exception, host);
    if (exception instanceof GraphQLError) return exception;
    if (isStatementTimeout(exception)) {
      return new GraphQLError('The query ran past the read time limit and was stopped: ask for less at once', {
        extensions: { code: 'QUERY_TOO_COMPLEX', rule: 'STATEMENT_TIMEOUT' },
      });
    }
    if (exception instanceof ServiceUnavailable) {
      // the service's own reason (the request's deadline), not the database's
      return new GraphQLError(exception.message, { extensions: { ...UNAVAILABLE_ANSWER.extensions } });
    }
    if (isUnavailable(exception)) {
      return new GraphQLError(UNAVAILABLE_ANSWER.message, { extensions: { ...UNAVAILABLE_ANSWER.extensions } });
    }
    if (exception instanceof Refusal) {
      // details first: the code, field and rule are the refusal's own, never overwritten by a detail
      const extensions: Record<string, unknown> = { ...exception.details, code: exception.code };
      if (exception.field) extensions.field = exception.field;
      if (exception.rule) extensions.rule = exception.rule;
      return new GraphQLError(exception.message, { extensions });
    }
    return exception;
  }

  private answerHttp(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: unknown }>();
    const res = http.getResponse<Response>();
    const answer = httpErrorAnswer(exception, req.method, req.path);
    const requestId = req.id === undefined ? undefined : String(req.id);
    if (answer instanceof HttpException) {
      const body = answer.getResponse();
      return void res.status(answer.getStatus()).json(typeof body === 'string' ? { message: body } : body);
    }
    if (answer.status >= 500) this.logger.error({ requestId, err: exception }, 'HTTP request failed');
    sendError(res, answer, requestId);
  }
}
