import { type LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Plain objects and arrays (GraphQL extensions), errors pino serialized (causes), not class instances. */
function isPlainData(value: object, serializedError: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (
    Array.isArray(value) ||
    prototype === Object.prototype ||
    prototype === null ||
    prototype === Object.getPrototypeOf(serializedError)
  );
}

/**
 * Errors as pino serializes them, less what may carry user data (a failed query's parameters) and the objects
 * some libraries hang on them (pg-pool's `client`: kilobytes of sockets and settings, a password among them).
 */
function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== 'object') return serialized;
  delete serialized.parameters;
  for (const [key, value] of Object.entries(serialized)) {
    if (value !== null && typeof value === 'object' && !isPlainData(value, serialized)) delete serialized[key];
  }
  return serialized;
}

/**
 * The process's structured logger: one JSON object per line, written in order. The service logs to stdout; the
 * CLI passes `toStderr` so that its own output (tokens, reports) stays alone on stdout.
 */
export function createLogger(level: string, name = 'cultivation-ledger', options: { toStderr?: boolean } = {}): Logger {
  return pino(
    {
      name,
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
    },
    // Synchronous: pino's asynchronous stdout put lines out of order on a busy pipe (a PostgreSQL line logged
    // before "stopped" was written after it); one write per line costs microseconds.
    pino.destination({ fd: options.toStderr ? 2 : 1, sync: true }),
  );
}

/**
 * What Node itself would print as text goes through the logger instead: uncaught exceptions and unhandled
 * rejections (logged as fatal, then the process exits 1, as Node would) and warnings (run node with
 * --no-warnings, else Node prints them as text too).
 */
export function logProcessEvents(logger: Logger): void {
  const die = (kind: string) => (error: unknown) => {
    logger.fatal({ err: error }, `${kind}; exiting`);
    process.exit(1);
  };
  process.on('uncaughtException', die('uncaught exception'));
  process.on('unhandledRejection', die('unhandled promise rejection'));
  process.on('warning', (warning) =>
    logger.warn({ warning: { name: warning.name, message: warning.message } }, 'node warning'),
  );
}

/** Lets Nest write through pino, so every line of the process is JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string) {
    this.logger.fatal({ context }, String(message));
  }
}
