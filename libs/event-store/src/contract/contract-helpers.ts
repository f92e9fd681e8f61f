import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, Position, StoredEvent } from '../event-store';
import { comparePositions } from '../position';

/** A new event with a fresh id. */
export function newEvent(type = 'Happened', data: Record<string, unknown> = {}): NewEvent {
  return { eventId: randomUUID(), type, data, metadata: { by: 'contract' } };
}

/** A stream id no other test uses (prefix `contract-`, which the EventStoreDB adapter under test follows). */
export function uniqueStream(label: string): string {
  return `contract-${randomUUID().slice(0, 8)}-${label}`;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `read` until `done` holds (stores settle events asynchronously); fails with the last value after 10 s. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await sleep(20);
  }
}

/** Reads the log page by page after `from` until `last` has been read; returns the pages. */
export async function readPagesThrough(
  store: EventStore,
  from: Position | null,
  last: Position,
  pageSize: number,
): Promise<StoredEvent[][]> {
  const pages: StoredEvent[][] = [];
  let cursor = from;
  const deadline = Date.now() + 10_000;
  while (comparePositions(cursor, last) < 0) {
    const page = await store.readAll(cursor, pageSize);
    const end = page[page.length - 1];
    if (end) {
      pages.push(page);
      cursor = end.position;
    } else if (Date.now() > deadline) {
      throw new Error(`position ${last} not reached; stopped at ${cursor}`);
    } else {
      await sleep(20);
    }
  }
  return pages;
}

/** True when positions strictly increase along the list. */
export function strictlyIncreasing(events: StoredEvent[]): boolean {
  return events.every((e, i) => i === 0 || comparePositions(events[i - 1]!.position, e.position) < 0);
}
