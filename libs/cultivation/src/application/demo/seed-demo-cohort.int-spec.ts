import { DataSource } from 'typeorm';
import { CreateEventStore1764288000000, type EventStore, PostgresEventStore } from '@cl/event-store';
import { useTestDatabase } from '@cl/testing';
import { type EnterpriseEvent, enterpriseStreamName, fold } from '../../domain';
import { toEnvelope } from '../commands';
import { demoEnterprise } from './cohort-generator';
import { seedDemoCohort } from './seed-demo-cohort';

async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations: [CreateEventStore1764288000000] });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
}

describe('seedDemoCohort (PostgreSQL)', () => {
  const db = useTestDatabase();
  let store: EventStore;
  const options = { seed: 42, enterprises: 300, today: '2025-06-30', batchStreams: 100 };

  beforeAll(async () => {
    await migrate(db.url);
    store = new PostgresEventStore({ url: db.url, poolSize: 5 });
  });
  afterAll(() => store.close());

  it('writes 300 enterprises whose every command the decider accepts and whose events all fold', async () => {
    const progress: number[] = [];
    const result = await seedDemoCohort(store, options, (p) => progress.push(p.enterprises));
    expect(result.rejections).toEqual([]);
    expect(result).toMatchObject({ enterprises: 300, rejected: 0 });
    expect(progress).toEqual([100, 200, 300]);

    const all = await store.readAll(null, 100_000);
    expect(all).toHaveLength(result.events);
    const types = new Set(all.map((e) => e.type));
    for (const type of [
      'EnterpriseRegistered',
      'CertificationGranted',
      'CertificationRenewed',
      'CertificationLapsed',
      'CertificationRevoked',
    ]) {
      expect(types).toContain(type);
    }
    expect(all.every((e) => e.metadata.source === 'SYSTEM' && typeof e.metadata.commandId === 'string')).toBe(true);

    for (let i = 0; i < 300; i++) {
      const stream = await store.readStream(
        enterpriseStreamName(demoEnterprise(42, i, '2025-06-30' as never).creditCode),
      );
      const state = fold(stream.map((e) => toEnvelope<EnterpriseEvent>(e)));
      expect(state.status).not.toBe('UNREGISTERED');
    }
  });

  it('writes nothing when run again with the same seed', async () => {
    const head = await store.head();
    const again = await seedDemoCohort(store, options);
    expect(again).toMatchObject({ events: 0, commands: 0, rejected: 0 });
    expect(await store.head()).toBe(head);
  });
});
