// Opaque keyset cursors: base64url of the JSON sort key of the last row of a page.
import { InvalidQueryInput } from '../query-input';

/** Encodes a sort key. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor with `length` parts; refuses anything else on field `after`. */
export function decodeCursor(cursor: string | null | undefined, length: number): string[] | null {
  if (cursor == null || cursor === '') return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string')) return key as string[];
  } catch {
    // fall through to the refusal
  }
  throw new InvalidQueryInput('CURSOR_INVALID', 'after', 'after is not a cursor returned by this query');
}
