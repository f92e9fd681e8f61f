// History arrives out of order: the same grants (with renewals and revocations) recorded in any order
// give the same read models in PostgreSQL, compared as verify compares them (every row of every table).
import { useTestDatabase } from '@cl/testing';
import type { StoredEvent } from '@cl/event-store';
import * as fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { historyArbitrary, plan, record } from '../../domain/recording-order-fixtures';
import { CODE } from '../../domain/spec-fixtures';
import { applyEvents } from '../projection/apply-events';
import { inTransaction } from '../projection/in-transaction';
import { addShadowIndexes, createShadowTables, dropSchema } from '../rebuild/shadow-schema';
import { dumpReadModels, openDataSource } from '../testing/read-model-fixture';

const db = useTestDatabase();
let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await openDataSource(db.url, 4);
});
afterAll(() => dataSource.destroy());

/** The stream as the store would hold it: versions and global positions in recording order. */
function stored(log: ReturnType<typeof record>): StoredEvent[] {
  return log.map(({ eventId, event }, version) => ({
    streamId: `enterprise-${CODE}`,
    version,
    position: String(version + 1),
    eventId,
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    metadata: { schemaVersion: 1, source: 'SYSTEM' },
    recordedAt: new Date('2026-11-30T00:00:00Z'),
  }));
}

/** Projects the events into a fresh scratch schema, a few per transaction, and dumps every table. */
async function project(schema: string, events: StoredEvent[]): Promise<Record<string, unknown[]>> {
  await createShadowTables(dataSource, schema);
  await addShadowIndexes([dataSource], schema);
  try {
    for (let i = 0; i < events.length; i += 3) {
      await inTransaction(dataSource, (tx) => applyEvents(tx, schema, events.slice(i, i + 3)));
    }
    return await dumpReadModels(dataSource, schema);
  } finally {
    await dropSchema(dataSource, schema);
  }
}

it('any permutation of the recording order of non-overlapping grants yields the same read models', async () => {
  await fc.assert(
    fc.asyncProperty(
      historyArbitrary(fc).chain((entries) => {
        const items = plan(entries);
        const indexes = items.map((_, i) => i);
        return fc.tuple(fc.constant(items), fc.shuffledSubarray(indexes, { minLength: indexes.length }));
      }),
      async ([items, order]) => {
        const inOrder = await project(
          'rm_order_a',
          stored(
            record(
              items,
              items.map((_, i) => i),
            ),
          ),
        );
        const shuffled = await project('rm_order_b', stored(record(items, order)));
        expect(inOrder.count_tree!.length).toBeGreaterThan(0);
        expect(shuffled).toEqual(inOrder);
      },
    ),
    { numRuns: 12 },
  );
});
