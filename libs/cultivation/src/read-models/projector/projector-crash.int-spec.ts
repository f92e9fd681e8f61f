// A projector killed in the middle of a batch (its connection destroyed inside the transaction, or its
// handler throwing) loses nothing and applies nothing twice: after it resumes from the checkpoint the
// read models equal a fresh rebuild.
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { ProjectionStatusQueries } from '../../application/queries';
import { PROJECTION_VERSION, SNAPSHOT_VERSION } from '../projection/versions';
import { verifyReadModels } from '../rebuild/verify';
import { openReadSide } from '../testing/read-model-fixture';
import { writeScenario } from '../testing/scenario';
import { TestLedger } from '../testing/test-ledger';
import { ProjectorService } from './projector.service';

const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  await writeScenario(new TestLedger(store));
});
afterAll(() => close());

it('resumes after its connection dies mid-transaction and after a throwing batch, ending equal to a rebuild', async () => {
  let batches = 0;
  // No onError: what it survives goes to the logger (never around it).
  const errors: unknown[] = [];
  const logger = { error: (fields: { err: unknown }) => void errors.push(fields.err) };
  const projector = new ProjectorService(dataSource, store, logger, {
    batchSize: 6,
    retryMs: 100,
    pollIntervalMs: 50,
    beforeCommit: async (runner) => {
      batches++;
      // Batch 3: the server kills this very connection with the batch's rows written but not committed.
      if (batches === 3) await runner.query('SELECT pg_terminate_backend(pg_backend_pid())');
      // Batch 6: the process "crashes" between writing and committing.
      if (batches === 6) throw new Error('simulated crash before commit');
    },
  });
  projector.start();
  const head = (await store.head())!;
  expect(await new ProjectionStatusQueries(dataSource, store).waitForPosition(head, 30_000)).toBe(true);
  await projector.stop();

  expect(errors.map((e) => String(e))).toEqual([
    expect.stringMatching(/terminat/i),
    'Error: simulated crash before commit',
  ]);
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
});

it('reports its lag and no rebuild while idle', async () => {
  const status = await new ProjectionStatusQueries(dataSource, store).projectionStatus();
  expect(status).toEqual({
    position: await store.head(),
    headPosition: await store.head(),
    lag: 0,
    rebuilding: false,
    etaSeconds: null,
    projectionVersion: PROJECTION_VERSION,
    snapshotVersion: SNAPSHOT_VERSION,
    versionMismatch: null,
    stalledAt: null,
    error: null,
  });
});
