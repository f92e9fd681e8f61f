// Every GraphQL answer with errors, as Mercurius hands it over (a request refused before execution, an execution
// with errors, a subscription's result): the codes clients know (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
// BAD_USER_INPUT, OPERATION_RESOLUTION_FAILURE, BAD_REQUEST), the HTTP status each calls for, the service's error
// format (formatGraphQLError: contract codes kept, no internals, the request id), UNAVAILABLE as 503 with
// Retry-After, and unexpected failures logged.
import type { FastifyReply } from 'fastify';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { RETRY_AFTER_SECONDS } from '../faults';
import { bodyErrorAnswer, errorBody, requestIdOf } from '../http/json-errors';
import { formatGraphQLError } from './format-error';
import { noteOutcome } from './operation-plugin';

/** Errors refused before execution, answered together with one status (like Mercurius's validation error). */
export class RequestErrors extends Error {
  constructor(
    readonly errors: readonly GraphQLError[],
    readonly statusCode = 400,
  ) {
    super(errors[0]?.message ?? 'The request was refused');
  }
}

interface Classified {
  readonly error: GraphQLError;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

const withCode = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });

const asGraphQLError = (error: unknown): GraphQLError =>
  error instanceof GraphQLError
    ? error
    : new GraphQLError(error instanceof Error ? error.message : String(error), {
        originalError: error instanceof Error ? error : undefined,
      });

/** The code and status graphql-js's own wording calls for (parse, variable coercion, operation resolution). */
function byMessage(message: string): { code: string; status: number } | undefined {
  if (message.startsWith('Syntax Error')) return { code: 'GRAPHQL_PARSE_FAILED', status: 400 };
  if (message.startsWith('Variable "$')) return { code: 'BAD_USER_INPUT', status: 400 };
  if (/^Must provide operation name|^Unknown operation named/.test(message)) {
    return { code: 'OPERATION_RESOLUTION_FAILURE', status: 400 };
  }
  return undefined;
}

/**
 * One error with its code and status: `refused` for an error that stopped the request before execution (a
 * validation error when nothing else names it, 400 unless it says otherwise).
 */
function requestError(error: GraphQLError, refused: boolean): Classified {
  const http = error.extensions?.http as { status?: number; headers?: Record<string, string> } | undefined;
  const known = byMessage(error.message);
  const own = error.extensions?.code;
  const code = typeof own === 'string' ? own : (known?.code ?? (refused ? 'GRAPHQL_VALIDATION_FAILED' : undefined));
  const status = http?.status ?? known?.status ?? (refused ? 400 : undefined);
  return { error: code === own || code === undefined ? error : withCode(error, code), status, headers: http?.headers };
}

const REQUEST_SHAPE = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } });

/** The errors an answer carries, each with the status it calls for (none: an execution error). */
function classify(errors: readonly GraphQLError[]): Classified[] {
  return errors.flatMap((error): Classified[] => {
    const original = error.originalError as
      (Error & { code?: string; statusCode?: number; errors?: unknown[]; validation?: unknown }) | undefined;
    switch (original?.code) {
      case 'MER_ERR_METHOD_NOT_ALLOWED':
        return [{ error: REQUEST_SHAPE('GET requests run queries only: send mutations with POST'), status: 405 }];
      case 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND':
        return [{ error: REQUEST_SHAPE('GraphQL operations must contain a non-empty `query`'), status: 400 }];
    }
    if (original instanceof RequestErrors || (original?.code === 'MER_ERR_GQL_VALIDATION' && original.errors)) {
      return (original.errors ?? []).map((inner) => {
        const validation = (inner as { validation?: unknown }).validation;
        if (validation)
          return {
            error: REQUEST_SHAPE(`The request is not a GraphQL request: ${(inner as Error).message}`),
            status: 400,
          };
        return requestError(asGraphQLError(inner), true);
      });
    }
    if (original?.code === 'MER_ERR_GQL_VALIDATION' || original instanceof SyntaxError) {
      // a GET's variables or extensions that are not JSON
      return [{ error: REQUEST_SHAPE('variables and extensions in a GET must be JSON'), status: 400 }];
    }
    return [requestError(error, false)];
  });
}

/** Hides field suggestions ("Did you mean …"): they would list the schema to someone without introspection. */
const maskSuggestions = (message: string) => message.replace(/Did you mean ".+"\?/g, '[Suggestion hidden]').trim();

interface FormatterContext {
  reply?: FastifyReply;
  requestId?: string;
}

/** Mercurius's errorFormatter for this service. */
export function errorFormatter(logger: Logger) {
  return (
    execution: ExecutionResult & { statusCode?: number },
    context: FormatterContext | undefined,
  ): { statusCode: number; response: object } => {
    const reply = context?.reply;
    const raw = reply?.request.raw as { id?: unknown } | undefined;
    const requestId = (raw && requestIdOf(raw)) ?? context?.requestId;
    const errors = execution.errors ?? [];
    // a body the service could not read (not JSON, too large, …): the same answer as on any path
    const body = errors.length === 1 ? bodyErrorAnswer(errors[0]!.originalError) : undefined;
    if (body) {
      reply?.header('cache-control', 'no-store');
      return { statusCode: body.status, response: errorBody(body, requestId) };
    }
    const classified = classify(errors);
    const formatted: GraphQLFormattedError[] = classified.map(({ error }) => {
      const answer = formatGraphQLError(
        { ...error.toJSON(), message: maskSuggestions(error.message) },
        error,
        requestId,
      );
      const code = answer.extensions?.code;
      if (code === 'UNAVAILABLE') {
        logger.warn({ requestId, err: error.originalError ?? error }, 'database unavailable');
      } else if (code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ requestId, err: error.originalError ?? error }, 'GraphQL request failed');
      }
      return answer;
    });
    const first = formatted[0]?.extensions?.code;
    if (raw) noteOutcome(raw, typeof first === 'string' ? first : 'INTERNAL_SERVER_ERROR');
    let statusCode = 200;
    if (formatted.some((e) => e.extensions?.code === 'UNAVAILABLE')) {
      // plain HTTP clients and proxies see it too
      statusCode = 503;
      reply?.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (execution.data === undefined) {
      const refused = classified.find((c) => c.status !== undefined);
      if (refused) {
        statusCode = refused.status!;
        for (const [name, value] of Object.entries(refused.headers ?? {})) reply?.header(name, value);
      } else if (first === 'INTERNAL_SERVER_ERROR') {
        statusCode = 500;
      }
    }
    const response = execution.data === undefined ? { errors: formatted } : { data: execution.data, errors: formatted };
    return { statusCode, response };
  };
}
