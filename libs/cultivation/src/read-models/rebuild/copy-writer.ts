// Rows into a table with COPY … FROM STDIN (text format) on one connection, written in chunks,
// respecting the stream's backpressure, committed every COMMIT_CHARS.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const CHUNK_CHARS = 256 * 1024;
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A PostgreSQL array literal of strings (for text[] columns): every element quoted. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

/**
 * One value in COPY's text format: \N for null, arrays as array literals (text[] columns), other
 * objects as JSON (jsonb columns), then the format's four special characters escaped.
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = Array.isArray(value)
    ? arrayLiteral(value)
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
}

/**
 * Characters one COPY statement takes before it is committed and the next one begins. A COPY is one
 * transaction holding a transaction id from its first row on, and the event store counts an event as
 * settled only once every older transaction has ended: a COPY open for the whole of a long rebuild
 * would hold back what the live projector (and every consistency wait) sees until it ends.
 */
const COMMIT_CHARS = 32 * 1024 * 1024;

/** Rows into one table, in COPY statements of up to COMMIT_CHARS each. */
export class CopyWriter {
  private stream: ReturnType<typeof copyFrom>;
  private chunk = '';
  private sent = 0;
  private failure: unknown;
  rows = 0;

  private constructor(
    private readonly client: PoolClient,
    private readonly statement: string,
  ) {
    this.stream = this.start();
  }

  /** Starts `COPY table (columns) FROM STDIN` on `client` (which it has to itself until `end`). */
  static open(client: PoolClient, table: string, columns: readonly string[]): CopyWriter {
    return new CopyWriter(client, `COPY ${table} (${columns.join(', ')}) FROM STDIN`);
  }

  /** Adds one row (values in column order); returns a promise to await only when a chunk was sent. */
  write(values: readonly unknown[]): Promise<void> | undefined {
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : '\t') + copyField(values[i]);
    this.chunk += `${line}\n`;
    this.rows++;
    return this.chunk.length >= CHUNK_CHARS ? this.flush() : undefined;
  }

  /** Adds every row of `rows`. */
  async writeAll(rows: Iterable<readonly unknown[]>): Promise<void> {
    for (const values of rows) {
      const sent = this.write(values);
      if (sent) await sent;
    }
  }

  /** Sends the rest and waits until PostgreSQL has committed the COPY. */
  async end(): Promise<number> {
    await this.flush();
    await this.commit();
    return this.rows;
  }

  /** Rolls back the COPY in progress (CopyFail) so the connection can be reused; rows committed before stay. */
  async abort(): Promise<void> {
    if (this.stream.destroyed || this.stream.writableFinished) return;
    this.stream.destroy(new Error('rebuild aborted'));
    await finished(this.stream).catch(() => undefined);
  }

  private start(): ReturnType<typeof copyFrom> {
    const stream = this.client.query(copyFrom(this.statement));
    stream.on('error', (error: unknown) => (this.failure ??= error));
    this.sent = 0;
    return stream;
  }

  private async commit(): Promise<void> {
    this.stream.end();
    await finished(this.stream).catch(() => undefined); // the error is kept by the listener
    if (this.failure) throw this.failure;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.chunk === '') return;
    const ready = this.stream.write(this.chunk);
    this.sent += this.chunk.length;
    this.chunk = '';
    if (!ready) await once(this.stream, 'drain');
    if (this.sent >= COMMIT_CHARS) {
      await this.commit();
      this.stream = this.start();
    }
  }
}
