// Two projector instances on separate pools: one is active, the other stands by and takes over when
// the leader stops or when the leader's lock connection dies.
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { ProjectionStatusQueries } from '../../application/queries';
import { LOCKS } from '../schema';
import { eventually } from '../testing/eventually';
import { openReadSide } from '../testing/read-model-fixture';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { ProjectorService } from './projector.service';

const silent = createLogger('silent');

const db = useTestDatabase();
const sides: { dataSource: DataSource; store: PostgresEventStore; close: () => Promise<void> }[] = [];
const options = { retryMs: 150, pollIntervalMs: 50, onError: () => undefined };

beforeAll(async () => {
  sides.push(await openReadSide(db.url), await openReadSide(db.url));
});
afterAll(() => Promise.all(sides.map((s) => s.close())));

async function register(n: number): Promise<string> {
  const { store } = sides[0]!;
  const code = creditCode(n);
  await new TestLedger(store).run(code, '2025-01-01', {
    type: 'RegisterEnterprise',
    data: { creditCode: code, name: `企业${n}`, district: '120101' },
  });
  return (await store.head())!;
}

const projected = (position: string) =>
  new ProjectionStatusQueries(sides[0]!.dataSource, sides[0]!.store).waitForPosition(position, 10_000);

it('elects one worker, fails over on stop and on a dead lock connection', async () => {
  const a = new ProjectorService(sides[0]!.dataSource, sides[0]!.store, silent, options);
  const b = new ProjectorService(sides[1]!.dataSource, sides[1]!.store, silent, options);
  a.start();
  await eventually(() => a.isActive, 5000, 'a active');
  b.start();
  await new Promise((r) => setTimeout(r, 3 * options.retryMs));
  expect([a.isActive, b.isActive]).toEqual([true, false]);
  expect(await projected(await register(1))).toBe(true);

  await a.stop(); // a clean stop releases the lock
  await eventually(() => b.isActive, 5000, 'b takes over');
  expect(await projected(await register(2))).toBe(true);

  a.start(); // back as a standby
  await new Promise((r) => setTimeout(r, 3 * options.retryMs));
  expect([a.isActive, b.isActive]).toEqual([false, true]);
  // The server kills b's lock connection (as when b's host vanishes): the lock goes with it.
  await sides[0]!.dataSource.query(
    `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted`,
    [LOCKS.namespace, LOCKS.leader],
  );
  await eventually(() => a.isActive && !b.isActive, 5000, 'a takes over and b steps down');
  expect(await projected(await register(3))).toBe(true);
  await Promise.all([a.stop(), b.stop()]);
});

it('stops whenever it is told to, even while it is starting to follow the log (a shutdown never waits forever)', async () => {
  await register(31);
  const { dataSource, store } = sides[0]!;
  // stop() at moments spread over the start: taking the lock, reading the checkpoint, planning a catch-up, and
  // setting up the subscription. Each must return; one that came before the subscription existed used to be lost.
  for (let i = 0; i < 40; i++) {
    const projector = new ProjectorService(dataSource, store, silent, options);
    projector.start();
    await new Promise((r) => setTimeout(r, (i % 20) * 0.5));
    const stopped = await Promise.race([
      projector.stop().then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 5_000)),
    ]);
    expect({ attempt: i, stopped }).toEqual({ attempt: i, stopped: true });
    expect(projector.isActive).toBe(false);
  }
}, 120_000);
