// The contract against a real EventStoreDB when EVENTSTORE_CONNECTION_STRING is set (none runs on this machine),
// and the adapter's translations, which need no server.
import { WrongExpectedVersionError } from '@eventstore/db-client';
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
