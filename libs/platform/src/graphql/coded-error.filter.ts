import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { type GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { isUnavailable } from '../faults';
import { CONTRACT_ERROR_CODES } from './error-codes';
import { UNAVAILABLE_ANSWER } from './format-error';

interface Coded {
  code: string;
  message: string;
  field?: string;
  rule?: string;
}

function isCoded(error: unknown): error is Coded {
  return (
    typeof error === 'object' &&
    error !== null &&
    CONTRACT_ERROR_CODES.has((error as { code?: unknown }).code as string)
  );
}

/**
 * Any error that carries one of the contract's codes (domain refusals, access denials, conflicts)
 * becomes a GraphQL error with `extensions.code`, and `field` and `rule` when it names them.
 * A database or event store that cannot be reached is UNAVAILABLE (retryable: true).
 * Anything else passes on as an internal failure, which is logged and answered without internals.
 */
@Catch()
export class CodedErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    // HTTP routes keep Nest's own JSON answers (a rethrow here would reach Express's HTML error page).
    if (host.getType<string>() !== 'graphql') return super.catch(exception, host);
    if (exception instanceof GraphQLError) return exception;
    if (isUnavailable(exception)) {
      return new GraphQLError(UNAVAILABLE_ANSWER.message, { extensions: { ...UNAVAILABLE_ANSWER.extensions } });
    }
    if (isCoded(exception)) {
      const extensions: Record<string, unknown> = { code: exception.code };
      if (exception.field) extensions.field = exception.field;
      if (exception.rule) extensions.rule = exception.rule;
      return new GraphQLError(exception.message, { extensions });
    }
    return exception;
  }
}
