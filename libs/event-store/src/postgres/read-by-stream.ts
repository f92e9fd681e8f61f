// readByStream for PostgreSQL: keyset pages in (stream_id, stream_version) order, the index of
// events_stream_version_key, each page one `COPY (SELECT …) TO STDOUT` parsed here: text lines split at
// tabs, no per-row protocol messages turned into row objects, the jsonb columns parsed with JSON.parse
// once each. The next page is requested as soon as a page has arrived, so PostgreSQL reads it while the
// caller folds this one.
import type { Pool } from 'pg';
import { escapeLiteral } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Position, ReadByStreamOptions, StoredEvent } from '../event-store';
import { isPosition } from '../position';

const PAGE = 10_000;
const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** A field of COPY's text format back to its text (COPY TO writes only these escapes). */
function unescapeField(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/g, (_, c: string) => COPY_ESCAPES[c] ?? c) : text;
}

/** The events of one page of COPY text (columns as in pageQuery). */
function parsePage(text: string): StoredEvent[] {
  const events: StoredEvent[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
    const [streamId, version, position, eventId, type, data, metadata, recordedMs] = text
      .slice(start, end)
      .split('\t') as [string, string, string, string, string, string, string, string];
    events.push({
      streamId: unescapeField(streamId),
      version: Number(version),
      position,
      eventId,
      type: unescapeField(type),
      data: JSON.parse(unescapeField(data)) as Record<string, unknown>,
      metadata: JSON.parse(unescapeField(metadata)) as Record<string, unknown>,
      recordedAt: new Date(Number(recordedMs)),
    });
  }
  return events;
}

/** The statement of one page after the (stream, version) `after`. */
function pageQuery(upTo: Position, options: ReadByStreamOptions, after: StoredEvent | undefined, limit: number) {
  const where = [`global_position <= ${upTo}`];
  if (options.fromStream !== undefined) where.push(`stream_id >= ${escapeLiteral(options.fromStream)}`);
  if (options.toStream !== undefined) where.push(`stream_id < ${escapeLiteral(options.toStream)}`);
  if (after) where.push(`(stream_id, stream_version) > (${escapeLiteral(after.streamId)}, ${after.version})`);
  return (
    `COPY (SELECT stream_id, stream_version, global_position, event_id, type, data, metadata, ` +
    `(extract(epoch FROM recorded_at) * 1000)::bigint FROM events WHERE ${where.join(' AND ')} ` +
    `ORDER BY stream_id, stream_version LIMIT ${limit}) TO STDOUT`
  );
}

/** One page, read on a connection of its own. */
async function readPage(pool: Pool, statement: string): Promise<StoredEvent[]> {
  const client = await pool.connect();
  try {
    const chunks: Buffer[] = [];
    const stream = client.query(copyTo(statement));
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return parsePage(Buffer.concat(chunks).toString('utf8'));
  } finally {
    client.release();
  }
}

/** See EventStore.readByStream. */
export async function* readByStreamWith(
  pool: Pool,
  upTo: Position,
  options: ReadByStreamOptions = {},
): AsyncGenerator<StoredEvent[]> {
  if (!isPosition(upTo)) throw new Error(`not a position: ${upTo}`);
  const limit = options.pageSize ?? PAGE;
  const read = (after: StoredEvent | undefined) => {
    const page = readPage(pool, pageQuery(upTo, options, after, limit));
    page.catch(() => undefined); // awaited below; a failure of a page read ahead must not go unhandled meanwhile
    return page;
  };
  let next: Promise<StoredEvent[]> | undefined = read(undefined);
  while (next) {
    const page: StoredEvent[] = await next;
    next = page.length === limit ? read(page.at(-1)) : undefined;
    if (page.length > 0) yield page;
  }
}
