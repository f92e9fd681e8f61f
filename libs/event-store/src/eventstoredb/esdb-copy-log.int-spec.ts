// copy-log PostgreSQL → EventStoreDB when EVENTSTORE_CONNECTION_STRING is set (no server runs on the development
// machines: there it prints one line and runs only the mapping of the kept recording time, which needs none).
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { useTestDatabase } from '@cl/testing';
import { newEventId } from '../event-id';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { copyLog } from '../postgres/copy-log';
import { migrateEventStore } from '../postgres/migrate.test-helper';
import { RECORDED_AT_KEY, recordedTime } from './esdb-mapping';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { EventStoreDbLogTarget } from './esdb-log-target';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

const describeWithServer = connectionString
  ? describe
  : () => {
      console.warn(
        'copy-log to EventStoreDB skipped: EVENTSTORE_CONNECTION_STRING is not set (no EventStoreDB server here)',
      );
    };

describeWithServer('copy-log PostgreSQL → EventStoreDB', () => {
  const db = useTestDatabase();
  if (!connectionString) return;
  // Names of this run only, so that runs against one server do not meet.
  const run = randomUUID().slice(0, 8);
  const options = { connectionString, streamPrefixes: [`copy${run}-`], commandStreamPrefix: `copycmd${run}-` };

  it('copies in order with ids, metadata, times and command records, resumes after a stop, and compares equal', async () => {
    await migrateEventStore(db.url);
    const source = new PostgresEventStore({ url: db.url, poolSize: 2 });
    const pool = new Pool({ connectionString: db.url, max: 2 });
    pool.on('error', () => undefined);
    for (let i = 0; i < 30; i++) {
      await source.append({
        streamId: `copy${run}-${i % 7}`,
        expected: 'ANY',
        commandId: `cmd-${run}-${i}`,
        events: [0, 1].map((k) => ({
          eventId: newEventId(),
          type: 'Copied',
          data: { i, k, text: '天津 "quoted" \\ back' },
          metadata: { correlationId: `c-${i}`, commandFingerprint: `f${i}` },
        })),
      });
    }
    const target = new EventStoreDbLogTarget(options);
    try {
      const stop = new AbortController();
      await expect(
        copyLog(pool, target, { batchSize: 10, signal: stop.signal, onProgress: (p) => p.done >= 20 && stop.abort() }),
      ).rejects.toThrow(/abort/i);
      const resumed = await copyLog(pool, target, { batchSize: 10 });
      expect(resumed.resumedAfter).not.toBeNull();
      expect(resumed.differences).toEqual([]);
      expect(resumed.target).toEqual(resumed.source);

      const esdb = new EventStoreDbEventStore(options);
      try {
        const first = await source.findCommand(`cmd-${run}-3`);
        const copied = await esdb.findCommand(`cmd-${run}-3`);
        expect(copied!.events.map((e) => [e.eventId, e.recordedAt.getTime(), e.metadata])).toEqual(
          first!.events.map((e) => [e.eventId, e.recordedAt.getTime(), e.metadata]),
        );
      } finally {
        await esdb.close();
      }
    } finally {
      await Promise.all([target.close(), source.close(), pool.end()]);
    }
  }, 120_000);
});

describe('the recording time a copied event keeps (no server needed)', () => {
  it('is read back from metadata and left out of the metadata the port returns', () => {
    const created = new Date('2026-12-06T00:00:00Z');
    expect(recordedTime({ correlationId: 'x', [RECORDED_AT_KEY]: '2025-03-01T08:00:00.123Z' }, created)).toEqual({
      metadata: { correlationId: 'x' },
      recordedAt: new Date('2025-03-01T08:00:00.123Z'),
    });
    expect(recordedTime({ correlationId: 'x' }, created)).toEqual({
      metadata: { correlationId: 'x' },
      recordedAt: created,
    });
  });
});
