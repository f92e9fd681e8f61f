import type { Logger as PinoLogger } from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** A SQL text for a log line: one line, at most 500 characters. */
const oneLine = (query: string) => query.replace(/\s+/g, ' ').trim().slice(0, 500);

/**
 * TypeORM's messages through pino, as JSON lines: failed queries with their SQL but never their parameters
 * (they carry what users sent), migrations as they run, TypeORM's own warnings. Its default logger prints
 * multi-line text with the parameters.
 */
export function typeormLogger(logger: PinoLogger): TypeOrmLogger {
  const log = logger.child({ component: 'typeorm' });
  return {
    logQuery: () => undefined,
    logQueryError: (error, query) =>
      log.error(
        { err: { message: typeof error === 'string' ? error : error.message }, query: oneLine(query) },
        'query failed',
      ),
    logQuerySlow: (time, query) => log.warn({ ms: time, query: oneLine(query) }, 'slow query'),
    logSchemaBuild: (message) => log.debug(message),
    logMigration: (message) => log.info(message),
    log: (level, message) => (level === 'warn' ? log.warn(String(message)) : log.debug(String(message))),
  };
}
