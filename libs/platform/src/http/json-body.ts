// The JSON request body, read by body-parser's JSON reader as Fastify's application/json parser: the same rules the
// service has always applied — strict (an object or an array, never `null` or a bare value), UTF-8 only, gzip,
// deflate and br undone (zstd where the runtime has it), at most BODY_LIMIT — and the same error types, which
// json-errors.ts answers (JSON_MALFORMED, BODY_TOO_LARGE, CHARSET_UNSUPPORTED, ENCODING_UNSUPPORTED, …).
import { json } from 'body-parser';
import type { FastifyInstance } from 'fastify';

/** The largest request body: an import of a few MB of spreadsheet, base64. */
export const BODY_LIMIT_BYTES = 6 * 1024 * 1024;

/**
 * Replaces Fastify's body parsers with the JSON reader. A body of another type is left unread (POST /graphql
 * answered it 415 before; elsewhere the path's own answer, usually 404, stands).
 */
export function useJsonBody(instance: FastifyInstance): void {
  const read = json({ limit: BODY_LIMIT_BYTES, strict: true, type: 'application/json' });
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser('*', (request, _payload, done) => {
    const raw = request.raw as typeof request.raw & { body?: unknown };
    read(raw as never, {} as never, (error?: unknown) => (error ? done(error as Error) : done(null, raw.body)));
  });
}
