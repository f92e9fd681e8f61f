import type { ExpectedVersion, Position } from './event-store';
import { InvalidAppend } from './errors';

/**
 * The text of every Position: a non-negative decimal integer below 2^128. PostgreSQL's positions fit in 63 bits
 * (transaction id << 20 | index); EventStoreDB's pack (commit, prepare) as commit × 2^64 + prepare. Whoever stores
 * a position keeps it as text or numeric(39,0), never bigint. Consistency tokens are checked with isPosition.
 */
export const POSITION_PATTERN = /^\d{1,39}$/;
const POSITION_LIMIT = 1n << 128n;

/** True when `text` is a Position (a decimal integer below 2^128). */
export function isPosition(text: string): boolean {
  return POSITION_PATTERN.test(text) && BigInt(text) < POSITION_LIMIT;
}

/** Orders two positions numerically (-1, 0, 1); null sorts before every position. */
export function comparePositions(a: Position | null, b: Position | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when the stream's current version (null = no stream) satisfies the expectation. */
export function versionMatches(expected: ExpectedVersion, current: number | null): boolean {
  if (expected === 'ANY') return true;
  if (expected === 'NO_STREAM') return current === null;
  return current === expected;
}

/** Rejects expectations no stream can meet (so that they are not mistaken for clashes). */
export function assertValidExpected(expected: ExpectedVersion): void {
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new InvalidAppend(`expected version must be 'NO_STREAM', 'ANY' or an integer >= 0, got ${expected}`);
  }
}

/** Rejects a batch that repeats a command id: each command id stands for one append. */
export function assertDistinctCommandIds(requests: { commandId?: string }[]): void {
  const seen = new Set<string>();
  for (const { commandId } of requests) {
    if (commandId === undefined) continue;
    if (seen.has(commandId)) throw new InvalidAppend(`command id ${commandId} appears twice in one appendMany`);
    seen.add(commandId);
  }
}
