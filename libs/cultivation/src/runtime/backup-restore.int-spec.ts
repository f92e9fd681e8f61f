// Backup → restore → rebuild → verify on a demo cohort: the restored ledger's read models equal the source's (their
// positions translated event by event: a restore renumbers positions and keeps their order), a damaged backup and
// a non-empty ledger are refused and leave the target as it was.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Pool } from 'pg';
import {
  DamagedBackup,
  newEventId,
  PostgresEventStore,
  restoreBackup,
  TargetNotEmpty,
  writeBackup,
  type StoredEvent,
} from '@cl/event-store';
import { useTestDatabase } from '@cl/testing';
import type { DataSource } from 'typeorm';
import { seedDemoCohort } from '../application/demo';
import { openReadSide } from '../read-models/testing/read-model-fixture';
import { writeScenario } from '../read-models/testing/scenario';
import { TestLedger } from '../read-models/testing/test-ledger';
import { rebuildReadModels, verifyReadModels } from '../read-models';
import { readModelsOfMovedLog } from './read-models-compare.test-helper';

const source = useTestDatabase();
const restored = useTestDatabase();
const spare = useTestDatabase();

interface Side {
  dataSource: DataSource;
  store: PostgresEventStore;
  pool: Pool;
  close: () => Promise<void>;
}
async function open(url: string): Promise<Side> {
  const side = await openReadSide(url);
  const pool = new Pool({ connectionString: url, max: 2 });
  // The databases are dropped (WITH FORCE) by useTestDatabase's afterAll, which may run while this pool ends.
  pool.on('error', () => undefined);
  return { ...side, pool };
}
const closeSide = async (s: Side) => Promise.all([s.close(), s.pool.end()]);

async function allEvents(store: PostgresEventStore): Promise<StoredEvent[]> {
  return store.readAll(null, 1_000_000);
}

let dir: string;
let a: Side;
let b: Side;
let c: Side;
let file: string;
let sourceEvents: StoredEvent[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cl-backup-'));
  file = join(dir, 'ledger.backup.gz');
  [a, b, c] = await Promise.all([open(source.url), open(restored.url), open(spare.url)]);
  // A demo cohort, and the scenario's ledger (targets, renames, retractions) beside it.
  const seeded = await seedDemoCohort(a.store, { seed: 26, enterprises: 300, today: '2026-06-30', batchStreams: 100 });
  expect(seeded.rejected).toBe(0);
  await writeScenario(new TestLedger(a.store));
  await rebuildReadModels(a.dataSource, a.store, { workers: 1 });
  sourceEvents = await allEvents(a.store);
}, 120_000);
afterAll(async () => {
  await Promise.all([a, b, c].filter(Boolean).map(closeSide));
  await rm(dir, { recursive: true, force: true });
});

it('backs up a ledger that takes appends meanwhile, from one snapshot', async () => {
  let appended = false;
  const summary = await writeBackup(a.pool, createWriteStream(file), () => {
    if (appended) return;
    appended = true;
    // After the snapshot began: not in this backup.
    void a.store.append({
      streamId: 'backup-test-late',
      expected: 'NO_STREAM',
      events: [{ eventId: newEventId(), type: 'Late', data: {}, metadata: {} }],
    });
  });
  expect(summary.events).toBe(sourceEvents.length);
  expect(summary.commands).toBeGreaterThan(300);
  expect(summary.head).toBe(sourceEvents.at(-1)!.position);
  await expect(a.store.streamVersion('backup-test-late')).resolves.toBe(0);
});

it('restores into an empty ledger, and rebuild then verify reproduce every read model', async () => {
  const result = await restoreBackup(b.pool, createReadStream(file));
  expect(result.events).toBe(sourceEvents.length);

  const copy = await allEvents(b.store);
  const strip = (e: StoredEvent) => ({ ...e, position: undefined });
  expect(copy.map(strip)).toEqual(sourceEvents.map(strip)); // ids, streams, versions, data, metadata, times, order
  // Positions are the target's own, and every later append comes after the restored log.
  const [appended] = await b.store.appendMany([
    {
      streamId: 'after-restore',
      expected: 'NO_STREAM',
      events: [{ eventId: newEventId(), type: 'X', data: {}, metadata: {} }],
    },
  ]);
  expect(BigInt(appended!.position!)).toBeGreaterThan(BigInt(copy.at(-1)!.position));
  await b.pool.query(`DELETE FROM events WHERE stream_id = 'after-restore'`);

  // The idempotency records came along: a command sent again is a duplicate with its first result.
  const { rows } = await a.pool.query<{ command_id: string }>('SELECT command_id FROM event_commands LIMIT 1');
  const first = await a.store.findCommand(rows[0]!.command_id);
  const again = await b.store.findCommand(rows[0]!.command_id);
  expect(again!.events.map((e) => e.eventId)).toEqual(first!.events.map((e) => e.eventId));

  await rebuildReadModels(b.dataSource, b.store, { workers: 1 });
  expect(await verifyReadModels(b.dataSource, b.store, { workers: 1 })).toEqual([]);

  // Every read-model row equals the source's, positions translated through the events' ids.
  const compared = await readModelsOfMovedLog(
    { dataSource: a.dataSource, events: sourceEvents },
    { dataSource: b.dataSource, events: copy },
  );
  expect(compared.target.enterprise_summary!.length).toBeGreaterThan(300);
  expect(compared.target.targets!.length).toBeGreaterThan(0);
  expect(compared.target).toEqual(compared.source);
}, 120_000);

it('refuses a ledger that is not empty, and writes nothing', async () => {
  const count = (await allEvents(b.store)).length;
  await expect(restoreBackup(b.pool, createReadStream(file))).rejects.toThrow(TargetNotEmpty);
  await expect(restoreBackup(b.pool, createReadStream(file))).rejects.toThrow(/the ledger is not empty/);
  expect((await allEvents(b.store)).length).toBe(count);
});

describe('a damaged backup is refused and nothing is restored', () => {
  const restoreFrom = async (bytes: Buffer) => {
    const damaged = join(dir, `damaged-${Math.random()}.gz`);
    await writeFile(damaged, bytes);
    return restoreBackup(c.pool, createReadStream(damaged));
  };
  afterEach(async () => {
    expect(await allEvents(c.store)).toEqual([]);
    const { rows } = await c.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_commands');
    expect(rows[0]!.n).toBe(0);
  });

  it('one byte changed in the compressed file', async () => {
    const bytes = await readFile(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    await expect(restoreFrom(bytes)).rejects.toThrow(DamagedBackup);
  });

  it('one character changed inside, the file compressed again (gzip intact, the SHA-256 not)', async () => {
    const text = gunzipSync(await readFile(file)).toString('utf8');
    const at = text.indexOf('"type":"CertificationGranted"');
    const changed = `${text.slice(0, at)}"type":"CertificationGrantee"${text.slice(at + 29)}`;
    await expect(restoreFrom(gzipSync(changed))).rejects.toThrow(/SHA-256/);
  });

  it('a file cut short', async () => {
    const bytes = await readFile(file);
    await expect(restoreFrom(bytes.subarray(0, Math.floor(bytes.length * 0.7)))).rejects.toThrow(DamagedBackup);
  });

  it('a file cut at a line end, recompressed (no end line)', async () => {
    const text = gunzipSync(await readFile(file)).toString('utf8');
    const cut = text.lastIndexOf('\n', text.length - 2) + 1;
    await expect(restoreFrom(gzipSync(text.slice(0, cut)))).rejects.toThrow(/no end line/);
  });

  it('not a backup at all', async () => {
    await expect(restoreFrom(Buffer.from('events,commands\n1,2\n'))).rejects.toThrow(DamagedBackup);
  });
});
