// The contract against a real EventStoreDB when EVENTSTORE_CONNECTION_STRING is set (none runs on this machine),
// and the adapter's translations, which need no server.
import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { WrongExpectedVersionError } from '@eventstore/db-client';
import type { StoredEvent } from '../event-store';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { WrongExpectedVersion } from '../errors';
import { toRevision, toWrongExpectedVersion } from './esdb-mapping';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract(
    'EventStoreDB',
    async () => {
      const store = new EventStoreDbEventStore({ connectionString, streamPrefixes: ['contract-'] });
      return { store, cleanup: () => store.close() };
    },
    { atomicAppendMany: false },
  );

  // A TCP proxy between the client and the server stands in for the network: dropping every connection through
  // it is a dropped connection as the client sees it.
  describe('EventStoreDB subscription across a dropped connection', () => {
    const target = new URL(connectionString.replace(/^[a-z+]+:/, 'http:'));
    let proxy: Server;
    const sockets = new Set<Socket>();
    let proxied = '';

    beforeAll(async () => {
      proxy = createServer((client) => {
        const upstream = connect(Number(target.port || 2113), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      const port = (proxy.address() as { port: number }).port;
      proxied = connectionString.replace(/\/\/[^/?]+/, `//127.0.0.1:${port}`);
    });
    afterAll(() => new Promise<void>((r) => proxy.close(() => r())));

    const dropConnections = () => sockets.forEach((s) => s.destroy());

    it('resumes from the last delivered position, retrying with backoff, without loss or duplicates', async () => {
      const prefix = `reconnect-${randomUUID().slice(0, 8)}-`;
      const writer = new EventStoreDbEventStore({ connectionString, streamPrefixes: [prefix] });
      const reader = new EventStoreDbEventStore({ connectionString: proxied, streamPrefixes: [prefix] });
      const append = async (n: number) => {
        for (let i = 0; i < n; i++) {
          await writer.append({
            streamId: `${prefix}${i % 5}`,
            expected: 'ANY',
            events: [{ eventId: randomUUID(), type: 'Counted', data: { i }, metadata: {} }],
          });
        }
      };
      const delivered: StoredEvent[] = [];
      const errors: unknown[] = [];
      const waitFor = async (n: number) => {
        const deadline = Date.now() + 60_000;
        while (delivered.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      };
      try {
        await append(20);
        const subscription = reader.subscribe(
          null,
          async (batch) => {
            delivered.push(...batch);
          },
          { pollIntervalMs: 100, onError: (e) => errors.push(e) },
        );
        await waitFor(20);
        dropConnections();
        await append(20); // written while the reader's connection is down or coming back
        dropConnections();
        await append(10);
        await waitFor(50);
        await subscription.stop();

        expect(errors.length).toBeGreaterThan(0); // the drop was seen, and survived
        const ids = delivered.map((e) => e.eventId);
        expect(new Set(ids).size).toBe(ids.length); // no duplicates
        expect(delivered.map((e) => (e.data as { i: number }).i)).toEqual([
          ...Array.from({ length: 20 }, (_, i) => i),
          ...Array.from({ length: 20 }, (_, i) => i),
          ...Array.from({ length: 10 }, (_, i) => i),
        ]); // nothing lost, in order
        const positions = delivered.map((e) => BigInt(e.position));
        expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
      } finally {
        await Promise.all([writer.close(), reader.close()]);
      }
    });
  });
} else {
  console.warn(
    'EventStoreDB contract skipped: EVENTSTORE_CONNECTION_STRING is not set (no EventStoreDB server on this machine)',
  );
}

describe('EventStoreDB adapter translations (no server needed)', () => {
  it('maps expected versions: NO_STREAM and ANY to their constants, a number to a bigint', () => {
    expect([toRevision('NO_STREAM'), toRevision('ANY'), toRevision(4)]).toEqual(['no_stream', 'any', 4n]);
  });

  it("turns the client's WrongExpectedVersionError into the port's WrongExpectedVersion", () => {
    const clash = new WrongExpectedVersionError(undefined, { streamName: 'enterprise-1', expected: 3n, current: 5n });
    const missing = new WrongExpectedVersionError(undefined, {
      streamName: 'enterprise-2',
      expected: 0n,
      current: 'no_stream',
    });
    expect(toWrongExpectedVersion(clash, 3)).toEqual(new WrongExpectedVersion('enterprise-1', 3, 5));
    expect(toWrongExpectedVersion(missing, 0)).toMatchObject({ streamId: 'enterprise-2', actual: null });
  });

  it("sees only the service's streams, never system streams or command markers", async () => {
    const store = new EventStoreDbEventStore({
      connectionString: 'esdb://localhost:2113?tls=false',
      streamPrefixes: ['enterprise-', 'targets'],
    });
    try {
      expect(
        ['enterprise-9', 'targets', 'other-1', '$stats', 'event-store-command-x'].map((s) => store.ours(s)),
      ).toEqual([true, true, false, false, false]);
    } finally {
      await store.close();
    }
  });

  it('refuses a command-marker prefix that falls under the service prefixes', () => {
    expect(
      () =>
        new EventStoreDbEventStore({
          connectionString: 'esdb://localhost:2113?tls=false',
          streamPrefixes: ['event-'],
        }),
    ).toThrow(/command stream prefix/);
  });
});
