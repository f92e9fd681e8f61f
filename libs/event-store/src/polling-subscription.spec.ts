import type { Position, StoredEvent } from './event-store';
import { PollingSubscription, type PollSource } from './polling-subscription';

/** A log in memory whose reads the subscription polls; `append` adds one event (positions 1, 2, 3…). */
function memoryLog(): PollSource & { append(): void } {
  const log: StoredEvent[] = [];
  return {
    append() {
      const n = log.length + 1;
      log.push({
        streamId: `s-${n}`,
        version: 0,
        position: String(n),
        eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        type: 'Happened',
        data: {},
        metadata: {},
        recordedAt: new Date(),
      });
    },
    async readAll(from: Position | null, limit: number) {
      const start = from === null ? 0 : Number(from);
      return log.slice(start, start + limit);
    },
  };
}

/** Records each batch's positions; `next(n)` resolves once n batches have arrived. */
function recorder() {
  const batches: string[][] = [];
  const waiting: { n: number; resolve: () => void }[] = [];
  return {
    batches,
    handler: async (batch: StoredEvent[]) => {
      batches.push(batch.map((e) => e.position));
      for (const w of waiting.filter((x) => batches.length >= x.n)) w.resolve();
    },
    next: (n: number) =>
      new Promise<void>((resolve) => (batches.length >= n ? resolve() : waiting.push({ n, resolve }))),
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PollingSubscription spacing of reads (minReadIntervalMs)', () => {
  /** e1 delivered; then e2, a pause, e3, each with a notification: how do e2 and e3 arrive? */
  async function twoAppendsAfterTheFirst(minReadIntervalMs: number): Promise<string[][]> {
    const source = memoryLog();
    const seen = recorder();
    source.append();
    const sub = new PollingSubscription(source, null, seen.handler, { pollIntervalMs: 60_000, minReadIntervalMs });
    try {
      await seen.next(1);
      source.append();
      sub.wakeup.notify();
      await pause(30);
      source.append();
      sub.wakeup.notify();
      await seen.next(minReadIntervalMs > 0 ? 2 : 3);
      return seen.batches;
    } finally {
      await sub.stop();
    }
  }

  it('hands appends that arrive within the interval over in one batch, instead of one batch per notification', async () => {
    expect(await twoAppendsAfterTheFirst(2_000)).toEqual([['1'], ['2', '3']]);
    expect(await twoAppendsAfterTheFirst(0)).toEqual([['1'], ['2'], ['3']]);
  });

  it('reads a backlog (full batches) without waiting, and the first read at once', async () => {
    const source = memoryLog();
    for (let i = 0; i < 5; i++) source.append();
    const seen = recorder();
    const sub = new PollingSubscription(source, null, seen.handler, {
      batchSize: 2,
      pollIntervalMs: 60_000,
      minReadIntervalMs: 60_000,
    });
    try {
      await seen.next(3); // with a wait after full batches this would take two minutes (the test's timeout fails it)
      expect(seen.batches).toEqual([['1', '2'], ['3', '4'], ['5']]);
    } finally {
      await sub.stop();
    }
  });

  it('stops at once while it waits out the interval, without handing over what came meanwhile', async () => {
    const source = memoryLog();
    source.append();
    const seen = recorder();
    const sub = new PollingSubscription(source, null, seen.handler, {
      pollIntervalMs: 60_000,
      minReadIntervalMs: 60_000,
    });
    await seen.next(1);
    source.append();
    sub.wakeup.notify();
    await sub.stop();
    expect(seen.batches).toEqual([['1']]);
  });
});
