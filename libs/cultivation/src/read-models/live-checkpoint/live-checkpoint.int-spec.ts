// The queries' view of the live checkpoint against a real PostgreSQL and a running projector: cached answers follow
// commits and rebuild swaps through NOTIFY without reading the checkpoint, fall back to reads while the LISTEN
// connection is down or the view is unconfirmed, and read-your-writes is never answered from before its position.
import { createLogger } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import type { PostgresEventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { FixedClock } from '../../application/clock';
import { ProgressQueries, ProjectionStatusQueries } from '../../application/queries';
import { ProjectorService } from '../projector/projector.service';
import { readLiveCheckpoint } from '../queries/projection-state';
import { rebuildReadModels } from '../rebuild/rebuild';
import { openReadSide } from '../testing/read-model-fixture';
import { eventually } from '../testing/eventually';
import { writeScenario } from '../testing/scenario';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { LiveCheckpoint, type LiveCheckpointOptions } from './live-checkpoint';

const db = useTestDatabase();
const clock = new FixedClock(new Date('2026-06-30T04:00:00Z'));
const APPLICATION_NAME = 'live-checkpoint-spec';
let dataSource: DataSource;
let store: PostgresEventStore;
let close: () => Promise<void>;
let projector: ProjectorService;
let ledger: TestLedger;
const views: LiveCheckpoint[] = [];

beforeAll(async () => {
  ({ dataSource, store, close } = await openReadSide(db.url));
  ledger = new TestLedger(store);
  await writeScenario(ledger);
  projector = new ProjectorService(dataSource, store, createLogger('silent'), { retryMs: 100, pollIntervalMs: 20 });
  projector.start();
  expect(await new ProjectionStatusQueries(dataSource, store).waitForPosition((await store.head())!, 20_000)).toBe(
    true,
  );
});
afterAll(async () => {
  await Promise.all(views.map((v) => v.stop()));
  await projector.stop();
  await close();
});

/** A started view on its own connection, and progress queries that count their checkpoint reads. */
async function queriesWithView(options: LiveCheckpointOptions = {}) {
  const applicationName = `${APPLICATION_NAME}-${views.length}`;
  const live = new LiveCheckpoint(
    { connectionString: db.url, application_name: applicationName },
    { maxAgeMs: 600_000, ...options },
  );
  views.push(live);
  live.start();
  await live.whenListening();
  let reads = 0;
  const counted = {
    query: (text: string, parameters?: unknown[]) => {
      if (text.includes('projection_checkpoint')) reads++;
      return dataSource.query(text, parameters);
    },
  } as unknown as DataSource;
  const progress = new ProgressQueries(counted, clock, live);
  const activeTechSme = async (asOf?: string) => (await progress.cohortProgress(asOf))[0]!.active;
  // Until a read confirms it the view is not trusted: the first answers read the checkpoint.
  await eventually(async () => (await activeTechSme()) >= 0 && live.current() !== undefined);
  return {
    live,
    applicationName,
    progress,
    activeTechSme,
    checkpointReads: () => reads,
    status: new ProjectionStatusQueries(counted, store, live),
  };
}

let next = 500;
/** Registers a new enterprise holding TECH_SME from 2026-06-02 (one more active on 2026-06-30); its position. */
async function grantNewEnterprise(): Promise<string> {
  const code = creditCode(next++);
  await ledger.run(code, '2026-06-01', {
    type: 'RegisterEnterprise',
    data: { creditCode: code, name: `视图企业${next}`, district: '120116' },
  });
  const [granted] = await ledger.run(code, '2026-06-02', {
    type: 'GrantCertification',
    data: { tier: 'TECH_SME', grantedOn: '2026-06-02' },
  });
  return granted!.position;
}

it('shows a projected command in cached answers without reading the checkpoint', async () => {
  const { activeTechSme, checkpointReads } = await queriesWithView();
  const before = await activeTechSme();
  const reads = checkpointReads();
  expect(await activeTechSme()).toBe(before); // cached

  await grantNewEnterprise();
  await eventually(async () => (await activeTechSme()) === before + 1, 20_000, 'the grant in the cached answer');
  expect(checkpointReads()).toBe(reads);
});

it('drops an answer cached before a rebuild swap, through the swap’s notification', async () => {
  const { live, activeTechSme, checkpointReads } = await queriesWithView();
  const truth = await new ProgressQueries(dataSource, clock).cohortProgress('2026-05-31');
  const generation = live.current()!.generation;
  // Damage the live counts: an answer computed now is wrong, and cached under the current checkpoint.
  await dataSource.query('DELETE FROM read_model.count_tree');
  const wrong = await activeTechSme('2026-05-31');
  expect(wrong).not.toBe(truth[0]!.active);
  const reads = checkpointReads();

  await rebuildReadModels(dataSource, store);
  await eventually(async () => (await activeTechSme('2026-05-31')) === truth[0]!.active, 20_000, 'the rebuilt answer');
  expect(live.current()!.generation).not.toBe(generation);
  expect(live.current()!.generation).toBe((await readLiveCheckpoint(dataSource)).generation);
  expect(checkpointReads()).toBe(reads);
});

it('reads the checkpoint while its connection is down, and follows notifications again once back', async () => {
  const { live, applicationName, activeTechSme, checkpointReads } = await queriesWithView({ retryMs: 50 });
  const before = await activeTechSme();
  const reads = checkpointReads();
  await dataSource.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
    applicationName,
  ]);
  // Its notification goes nowhere: only a read of the checkpoint can bring the grant into the answer.
  await grantNewEnterprise();
  await eventually(async () => (await activeTechSme()) === before + 1, 20_000, 'the grant, read');
  expect(checkpointReads()).toBeGreaterThan(reads);

  await live.whenListening();
  await eventually(async () => (await activeTechSme()) >= 0 && live.current() !== undefined);
  const again = checkpointReads();
  await grantNewEnterprise();
  await eventually(async () => (await activeTechSme()) === before + 2, 20_000, 'the next grant, notified');
  expect(checkpointReads()).toBe(again);
});

describe('a view that hears no notification', () => {
  const silent = { channel: 'cl_nobody' };

  it('answers X-Consistency-Position ahead of it from a fresh read', async () => {
    const { activeTechSme, status } = await queriesWithView(silent);
    const before = await activeTechSme();
    const position = await grantNewEnterprise();
    expect(await new ProjectionStatusQueries(dataSource, store).waitForPosition(position, 20_000)).toBe(true);
    expect(await activeTechSme()).toBe(before); // the view is behind: within its max age it still holds
    // What ConsistencyPlugin does with the header, then the query.
    expect(await status.waitForPosition(position, 5_000)).toBe(true);
    expect(await activeTechSme()).toBe(before + 1);
  });

  it('stops trusting itself after its max age', async () => {
    const { activeTechSme } = await queriesWithView({ ...silent, maxAgeMs: 200 });
    const before = await activeTechSme();
    await grantNewEnterprise();
    await eventually(async () => (await activeTechSme()) === before + 1, 20_000, 'the grant after the max age');
  });
});
