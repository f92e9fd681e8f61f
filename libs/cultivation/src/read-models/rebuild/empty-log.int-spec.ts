// An empty log: verify finds nothing to report and a rebuild swaps in empty read models, as a live
// projector that never applied a batch leaves them (no checkpoint row until the first event).
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { readCheckpoint } from '../projection/checkpoint';
import { LIVE_SCHEMA } from '../schema';
import { openReadSide } from '../testing/read-model-fixture';
import { rebuildReadModels } from './rebuild';
import { verifyReadModels } from './verify';

const db = useTestDatabase();
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
});
afterAll(() => close());

it('verify reports no difference and a rebuild leaves no checkpoint before the first event', async () => {
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
  expect(await rebuildReadModels(dataSource, store)).toEqual({ events: 0, position: null });
  expect((await readCheckpoint(dataSource, LIVE_SCHEMA)).position).toBeNull();
  expect(await verifyReadModels(dataSource, store)).toEqual([]);
});

it("a rebuilt schema keeps the live tables' storage parameters (count_tree leaves room on its pages for updates)", async () => {
  await rebuildReadModels(dataSource, store);
  const options = await dataSource.query(
    `SELECT c.reloptions FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relname = 'count_tree'`,
    [LIVE_SCHEMA],
  );
  expect(options).toEqual([{ reloptions: ['fillfactor=80'] }]);
});
