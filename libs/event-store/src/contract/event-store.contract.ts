// One contract for every adapter of the EventStore port: run it with describeEventStoreContract(name, makeStore).
import type { EventStore, StoredEvent, Subscription } from '../event-store';
import { WrongExpectedVersion } from '../errors';
import { comparePositions } from '../position';
import { eventually, newEvent, readPagesThrough, sleep, strictlyIncreasing, uniqueStream } from './contract-helpers';

/** A store to test, and how to dispose of it. */
export interface StoreUnderTest {
  store: EventStore;
  cleanup: () => Promise<void>;
}

/** What an adapter promises beyond the common contract. */
export interface ContractCapabilities {
  /** appendMany is all or nothing (true for PostgreSQL and in-memory; EventStoreDB has no cross-stream transaction). */
  atomicAppendMany: boolean;
}

const ids = (events: StoredEvent[]): string[] => events.map((e) => e.eventId);

/** Registers the contract cases for one adapter; `makeStore` runs before each case (all cases may share one database). */
export function describeEventStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
  capabilities: ContractCapabilities = { atomicAppendMany: true },
): void {
  describe(`${name}: event store contract`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    const subscriptions: Subscription[] = [];

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
      await cleanup();
    });

    /** Subscribes and collects deliveries, keeping only the given streams' events (other tests share the log). */
    function collect(
      from: string | null,
      streams: string[],
    ): { all: StoredEvent[]; ours: StoredEvent[]; sub: Subscription } {
      const all: StoredEvent[] = [];
      const ours: StoredEvent[] = [];
      const sub = store.subscribe(from, async (batch) => {
        all.push(...batch);
        ours.push(...batch.filter((e) => streams.includes(e.streamId)));
      });
      subscriptions.push(sub);
      return { all, ours, sub };
    }

    describe('append', () => {
      it('creates a stream with NO_STREAM and numbers its events from 0', async () => {
        const s = uniqueStream('new');
        const [a, b] = [newEvent('Opened', { n: 1 }), newEvent('Renamed', { name: '天津' })];
        const result = await store.append({ streamId: s, events: [a, b], expected: 'NO_STREAM' });
        expect(result).toMatchObject({ streamId: s, nextVersion: 1, duplicate: false });
        expect(result.events.map((e) => [e.version, e.eventId, e.type, e.data])).toEqual([
          [0, a.eventId, 'Opened', { n: 1 }],
          [1, b.eventId, 'Renamed', { name: '天津' }],
        ]);
        expect(result.position).toBe(result.events[1]!.position);
        expect(await store.readStream(s)).toEqual(result.events);
        expect(await store.streamVersion(s)).toBe(1);
      });

      it('rejects NO_STREAM on an existing stream with WrongExpectedVersion and writes nothing', async () => {
        const s = uniqueStream('exists');
        await store.append({ streamId: s, events: [newEvent()], expected: 'NO_STREAM' });
        const attempt = store.append({ streamId: s, events: [newEvent()], expected: 'NO_STREAM' });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersion);
        await expect(attempt).rejects.toMatchObject({ streamId: s, expected: 'NO_STREAM', actual: 0 });
        expect(await store.streamVersion(s)).toBe(0);
      });

      it('accepts the exact version of the last event and rejects any other', async () => {
        const s = uniqueStream('exact');
        await store.append({ streamId: s, events: [newEvent()], expected: 'NO_STREAM' });
        const next = await store.append({ streamId: s, events: [newEvent(), newEvent()], expected: 0 });
        expect(next.nextVersion).toBe(2);
        await expect(store.append({ streamId: s, events: [newEvent()], expected: 0 })).rejects.toMatchObject({
          name: 'WrongExpectedVersion',
          expected: 0,
          actual: 2,
        });
        await expect(store.append({ streamId: s, events: [newEvent()], expected: 7 })).rejects.toBeInstanceOf(
          WrongExpectedVersion,
        );
        await expect(
          store.append({ streamId: uniqueStream('missing'), events: [newEvent()], expected: 0 }),
        ).rejects.toMatchObject({ name: 'WrongExpectedVersion', actual: null });
        expect(await store.streamVersion(s)).toBe(2);
      });

      it('appends with ANY whatever the stream holds', async () => {
        const s = uniqueStream('any');
        expect((await store.append({ streamId: s, events: [newEvent()], expected: 'ANY' })).nextVersion).toBe(0);
        expect(
          (await store.append({ streamId: s, events: [newEvent(), newEvent()], expected: 'ANY' })).nextVersion,
        ).toBe(2);
        expect((await store.readStream(s)).map((e) => e.version)).toEqual([0, 1, 2]);
      });

      it('writes none of a failing batch', async () => {
        const s = uniqueStream('atomic');
        const first = await store.append({ streamId: s, events: [newEvent()], expected: 'NO_STREAM' });
        const batch = [newEvent(), newEvent(), newEvent()];
        await expect(store.append({ streamId: s, events: batch, expected: 3 })).rejects.toBeInstanceOf(
          WrongExpectedVersion,
        );
        expect(await store.readStream(s)).toEqual(first.events);
      });
    });

    describe('appendMany', () => {
      it('appends to several streams and orders them as requested in the global log', async () => {
        const [s1, s2] = [uniqueStream('many-1'), uniqueStream('many-2')];
        const results = await store.appendMany([
          { streamId: s1, events: [newEvent(), newEvent()], expected: 'NO_STREAM' },
          { streamId: s2, events: [newEvent()], expected: 'ANY' },
        ]);
        expect(results.map((r) => [r.streamId, r.nextVersion, r.duplicate])).toEqual([
          [s1, 1, false],
          [s2, 0, false],
        ]);
        expect(await store.readStream(s1)).toEqual(results[0]!.events);
        expect(await store.readStream(s2)).toEqual(results[1]!.events);
        expect(strictlyIncreasing([...results[0]!.events, ...results[1]!.events])).toBe(true);
      });

      it('appends twice to one stream in one call, the second request at the version the first leaves', async () => {
        const s = uniqueStream('twice');
        const [first, second] = await store.appendMany([
          { streamId: s, events: [newEvent(), newEvent()], expected: 'NO_STREAM' },
          { streamId: s, events: [newEvent()], expected: 1 },
        ]);
        expect(first!.nextVersion).toBe(1);
        expect(second!.nextVersion).toBe(2);
        expect(await store.readStream(s)).toEqual([...first!.events, ...second!.events]);
        expect((await store.readStream(s)).map((e) => e.version)).toEqual([0, 1, 2]);
      });

      it('keeps what was appended: changing the objects afterwards does not change the stream', async () => {
        const s = uniqueStream('copies');
        const event = newEvent('E', { list: [1], nested: { a: 'x' } });
        const { events } = await store.append({ streamId: s, events: [event], expected: 'NO_STREAM' });
        (event.data.list as number[]).push(2);
        (events[0]!.data.nested as { a: string }).a = 'changed';
        expect((await store.readStream(s))[0]!.data).toEqual({ list: [1], nested: { a: 'x' } });
      });

      if (capabilities.atomicAppendMany) {
        it('writes nothing at all when one request clashes', async () => {
          const [s1, s2] = [uniqueStream('all-1'), uniqueStream('all-2')];
          await store.append({ streamId: s2, events: [newEvent()], expected: 'NO_STREAM' });
          const attempt = store.appendMany([
            { streamId: s1, events: [newEvent()], expected: 'NO_STREAM' },
            { streamId: s2, events: [newEvent()], expected: 'NO_STREAM' },
          ]);
          await expect(attempt).rejects.toMatchObject({ name: 'WrongExpectedVersion', streamId: s2, actual: 0 });
          expect(await store.streamVersion(s1)).toBeNull();
          expect(await store.streamVersion(s2)).toBe(0);
        });
      }
    });

    describe('readStream', () => {
      it('reads in version order, up to a version or up to a recording time', async () => {
        const s = uniqueStream('read');
        const written: StoredEvent[] = [];
        for (let v = 0; v < 3; v++) {
          written.push(
            ...(
              await store.append({
                streamId: s,
                events: [newEvent('E', { v })],
                expected: v - 1 === -1 ? 'NO_STREAM' : v - 1,
              })
            ).events,
          );
          await sleep(15);
        }
        expect((await store.readStream(s)).map((e) => e.data)).toEqual([{ v: 0 }, { v: 1 }, { v: 2 }]);
        expect(ids(await store.readStream(s, { toVersion: 1 }))).toEqual(ids(written.slice(0, 2)));
        expect(ids(await store.readStream(s, { recordedUpTo: written[1]!.recordedAt }))).toEqual(
          ids(written.slice(0, 2)),
        );
        expect(await store.readStream(s, { recordedUpTo: new Date(written[0]!.recordedAt.getTime() - 1) })).toEqual([]);
        expect(await store.readStream(uniqueStream('none'))).toEqual([]);
        expect(await store.streamVersion(uniqueStream('none'))).toBeNull();
      });
    });

    describe('readStreams', () => {
      it('reads many streams at once, each in version order, with [] for a stream that does not exist', async () => {
        const [s1, s2, none] = [uniqueStream('rs-1'), uniqueStream('rs-2'), uniqueStream('rs-none')];
        const [a, b] = await store.appendMany([
          { streamId: s1, events: [newEvent('A', { n: 0 }), newEvent('A', { n: 1 })], expected: 'NO_STREAM' },
          { streamId: s2, events: [newEvent('B')], expected: 'NO_STREAM' },
        ]);
        const more = await store.append({ streamId: s1, events: [newEvent('A', { n: 2 })], expected: 1 });
        const read = await store.readStreams([s2, none, s1]);
        expect([...read.keys()].sort()).toEqual([s1, s2, none].sort());
        expect(read.get(s1)).toEqual([...a!.events, ...more.events]);
        expect(read.get(s1)!.map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
        expect(read.get(s2)).toEqual(b!.events);
        expect(read.get(s2)).toEqual(await store.readStream(s2));
        expect(read.get(none)).toEqual([]);
        expect((await store.readStreams([])).size).toBe(0);
      });
    });

    describe('readAll and head', () => {
      it('pages through the global log in strictly increasing positions', async () => {
        const [s1, s2, s3] = [uniqueStream('all-a'), uniqueStream('all-b'), uniqueStream('all-c')];
        const start = await store.head();
        const appended: StoredEvent[] = [];
        for (const [streamId, n] of [
          [s1, 2],
          [s2, 1],
          [s1, 1],
          [s3, 3],
        ] as const) {
          appended.push(
            ...(await store.append({ streamId, events: Array.from({ length: n }, () => newEvent()), expected: 'ANY' }))
              .events,
          );
        }
        const pages = await readPagesThrough(store, start, appended[appended.length - 1]!.position, 3);
        expect(pages.every((p) => p.length >= 1 && p.length <= 3)).toBe(true);
        const read = pages.flat();
        expect(strictlyIncreasing(read)).toBe(true);
        expect(ids(read.filter((e) => [s1, s2, s3].includes(e.streamId)))).toEqual(ids(appended));
      });

      it('resumes inside one append: after its first event come exactly the others of that append', async () => {
        const s = uniqueStream('group');
        const { events } = await store.append({
          streamId: s,
          events: [newEvent(), newEvent(), newEvent()],
          expected: 'NO_STREAM',
        });
        expect(strictlyIncreasing(events)).toBe(true);
        const [page] = await readPagesThrough(store, events[0]!.position, events[2]!.position, 10);
        expect(ids(page!.filter((e) => e.streamId === s))).toEqual(ids(events.slice(1)));
        const rest = await store.readAll(events[1]!.position, 10);
        expect(ids(rest.filter((e) => e.streamId === s))).toEqual(ids(events.slice(2)));
      });

      it('reports as head the position of the last event once it has settled', async () => {
        const s = uniqueStream('head');
        const { position } = await store.append({
          streamId: s,
          events: [newEvent(), newEvent()],
          expected: 'NO_STREAM',
        });
        expect(
          await eventually(
            () => store.head(),
            (h) => h === position,
          ),
        ).toBe(position);
        const after = await store.readAll(position, 10);
        expect(after.filter((e) => e.streamId === s)).toEqual([]);
      });
    });

    describe('readRecordedAfter (where offered)', () => {
      it('reads what was recorded after a moment and up to a position, in global order', async () => {
        if (!store.readRecordedAfter) return; // optional: callers fall back to readAll
        const s = uniqueStream('recorded');
        const early = (await store.append({ streamId: s, events: [newEvent('E', { n: 0 })], expected: 'NO_STREAM' }))
          .events[0]!;
        await sleep(15);
        const late = [];
        for (let n = 1; n <= 3; n++) {
          late.push((await store.append({ streamId: s, events: [newEvent('E', { n })], expected: n - 1 })).events[0]!);
        }
        const after = await store.readRecordedAfter(early.recordedAt, late[1]!.position, 100);
        expect(ids(after.filter((e) => e.streamId === s))).toEqual(ids(late.slice(0, 2)));
        expect(ids(await store.readRecordedAfter(early.recordedAt, late[2]!.position, 1))).toHaveLength(1);
      });
    });

    describe('readByStream (where offered)', () => {
      it('reads streams one after another, each in version order, up to a position, in pages', async () => {
        if (!store.readByStream) return; // optional: callers fall back to readAll
        const prefix = uniqueStream('bystream');
        const [a, b, c] = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
        const appended: StoredEvent[] = [];
        for (const [streamId, n] of [
          [b, 2],
          [a, 1],
          [c, 1],
          [b, 1],
          [a, 2],
        ] as const) {
          const events = Array.from({ length: n }, () =>
            newEvent('Happened', { text: "tab\there, new\nline, back\\slash 'q'" }),
          );
          appended.push(...(await store.append({ streamId, events, expected: 'ANY' })).events);
        }
        const upTo = appended.at(-2)!.position; // the last event of a is after the bound
        await eventually(
          () => store.head(),
          (h) => comparePositions(h, upTo) >= 0,
        );
        const pages: StoredEvent[][] = [];
        for await (const page of store.readByStream(upTo, {
          fromStream: `${prefix}-`,
          toStream: `${prefix}-c`,
          pageSize: 2,
        }))
          pages.push(page);
        expect(pages.every((p) => p.length >= 1 && p.length <= 2)).toBe(true);
        const inStore = (id: string) =>
          appended.filter((e) => e.streamId === id && comparePositions(e.position, upTo) <= 0);
        expect(pages.flat()).toEqual([...inStore(a), ...inStore(b)]);
        const all: StoredEvent[] = [];
        for await (const page of store.readByStream(upTo))
          all.push(...page.filter((e) => e.streamId.startsWith(prefix)));
        expect(ids(all)).toEqual(ids([...inStore(a), ...inStore(b), ...inStore(c)]));
      });
    });

    describe('idempotency by command id', () => {
      it('returns the first result for a repeated command id and writes nothing', async () => {
        const s = uniqueStream('cmd');
        const commandId = `cmd-${s}`;
        const first = await store.append({
          streamId: s,
          events: [newEvent(), newEvent()],
          expected: 'NO_STREAM',
          commandId,
        });
        expect(first.duplicate).toBe(false);
        await eventually(
          () => store.head(),
          (h) => h === first.position,
        );
        const again = await store.append({ streamId: s, events: [newEvent()], expected: 'NO_STREAM', commandId });
        expect(again).toEqual({ ...first, duplicate: true });
        expect(await store.streamVersion(s)).toBe(1);
        expect(await store.head()).toBe(first.position);
        expect(await store.findCommand(commandId)).toEqual({ ...first, duplicate: true });
        expect(await store.findCommand(`unknown-${s}`)).toBeNull();
      });

      it('writes once when two appends with the same command id race', async () => {
        const s = uniqueStream('race');
        const commandId = `cmd-${s}`;
        const request = () => ({
          streamId: s,
          events: [newEvent(), newEvent()],
          expected: 'NO_STREAM' as const,
          commandId,
        });
        const results = await Promise.all([store.append(request()), store.append(request())]);
        expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
        expect(results[0]!.events).toEqual(results[1]!.events);
        expect(ids(await store.readStream(s))).toEqual(ids(results[0]!.events));
      });

      it('skips a known command inside appendMany and writes the others', async () => {
        const [s1, s2] = [uniqueStream('mcmd-1'), uniqueStream('mcmd-2')];
        const first = await store.append({
          streamId: s1,
          events: [newEvent()],
          expected: 'NO_STREAM',
          commandId: `c-${s1}`,
        });
        const results = await store.appendMany([
          { streamId: s1, events: [newEvent()], expected: 'NO_STREAM', commandId: `c-${s1}` },
          { streamId: s2, events: [newEvent()], expected: 'NO_STREAM', commandId: `c-${s2}` },
        ]);
        expect(results[0]).toEqual({ ...first, duplicate: true });
        expect(results[1]).toMatchObject({ streamId: s2, duplicate: false, nextVersion: 0 });
        expect(await store.streamVersion(s1)).toBe(0);
      });

      it('answers a known command as a duplicate even when its stream has moved on', async () => {
        const s = uniqueStream('moved');
        const first = await store.append({
          streamId: s,
          events: [newEvent()],
          expected: 'NO_STREAM',
          commandId: `c-${s}`,
        });
        await store.append({ streamId: s, events: [newEvent()], expected: 0 });
        const again = await store.append({
          streamId: s,
          events: [newEvent()],
          expected: 'NO_STREAM',
          commandId: `c-${s}`,
        });
        expect(again).toEqual({ ...first, duplicate: true });
        expect(await store.streamVersion(s)).toBe(1);
      });

      it('records a command that writes no events, and answers it again as a duplicate', async () => {
        const s = uniqueStream('empty-cmd');
        await store.append({ streamId: s, events: [newEvent()], expected: 'NO_STREAM' });
        const first = await store.append({ streamId: s, events: [], expected: 0, commandId: `c-${s}` });
        expect(first).toMatchObject({ events: [], nextVersion: 0, position: null, duplicate: false });
        const again = await store.append({ streamId: s, events: [newEvent()], expected: 0, commandId: `c-${s}` });
        expect(again).toEqual({ ...first, duplicate: true });
        expect(await store.streamVersion(s)).toBe(0);
      });
    });

    describe('subscribe', () => {
      it('delivers from the start, in global order, each event once, then follows new appends', async () => {
        const s = uniqueStream('sub');
        const before = await store.append({ streamId: s, events: [newEvent(), newEvent()], expected: 'NO_STREAM' });
        const seen = collect(null, [s]);
        await eventually(
          async () => seen.ours.length,
          (n) => n >= 2,
        );
        const after = await store.append({ streamId: s, events: [newEvent()], expected: 1 });
        await eventually(
          async () => seen.ours.length,
          (n) => n >= 3,
        );
        await sleep(50);
        expect(ids(seen.ours)).toEqual(ids([...before.events, ...after.events]));
        expect(strictlyIncreasing(seen.all)).toBe(true);
      });

      it('resumes from a checkpoint without repeating what was delivered', async () => {
        const s = uniqueStream('resume');
        const start = await store.head();
        const first = await store.append({
          streamId: s,
          events: [newEvent(), newEvent(), newEvent()],
          expected: 'NO_STREAM',
        });
        const one = collect(start, [s]);
        await eventually(
          async () => one.ours.length,
          (n) => n >= 3,
        );
        await one.sub.stop();
        const checkpoint = one.all[one.all.length - 1]!.position;
        const more = await store.append({ streamId: s, events: [newEvent(), newEvent()], expected: 2 });
        const two = collect(checkpoint, [s]);
        await eventually(
          async () => two.ours.length,
          (n) => n >= 2,
        );
        await sleep(50);
        expect(ids(one.ours)).toEqual(ids(first.events));
        expect(ids(two.ours)).toEqual(ids(more.events));
        expect(two.all.every((e) => comparePositions(e.position, checkpoint) > 0)).toBe(true);
      });

      it('starts after a given position', async () => {
        const s = uniqueStream('from');
        const { events } = await store.append({
          streamId: s,
          events: [newEvent(), newEvent(), newEvent()],
          expected: 'NO_STREAM',
        });
        const seen = collect(events[0]!.position, [s]);
        await eventually(
          async () => seen.ours.length,
          (n) => n >= 2,
        );
        expect(ids(seen.ours)).toEqual(ids(events.slice(1)));
      });

      it('stops and rejects `finished` when the handler throws', async () => {
        const s = uniqueStream('boom');
        const start = await store.head();
        await store.append({ streamId: s, events: [newEvent()], expected: 'NO_STREAM' });
        const sub = store.subscribe(start, async () => {
          throw new Error('boom');
        });
        subscriptions.push(sub);
        await expect(sub.finished).rejects.toThrow('boom');
      });
    });
  });
}
