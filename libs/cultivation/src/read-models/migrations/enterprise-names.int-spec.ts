// Upgrading a ledger whose read models were built before enterprise_name: the migration empties them and
// resets the checkpoint, and the projector rebuilds them from the log, former names included.
import { CreateEventStore1764288000000, PostgresEventStore } from '@cl/event-store';
import { useTestDatabase } from '@cl/testing';
import { DataSource } from 'typeorm';
import { ProjectorService } from '../projector/projector.service';
import { readCheckpoint } from '../projection/checkpoint';
import { LIVE_SCHEMA } from '../schema';
import { creditCode, TestLedger } from '../testing/test-ledger';
import { CreateReadModels1764374400000 } from './create-read-models.migration';
import { WidenReadModelPositions1764979200000 } from './widen-positions.migration';
import { READ_MODEL_MIGRATIONS } from '../index';

const open = (url: string, migrations: unknown[]) =>
  new DataSource({ type: 'postgres', url, migrations: migrations as never, logging: ['error'] }).initialize();

describe('migration EnterpriseNames1765065600000 on read models built before it', () => {
  let store: PostgresEventStore;
  let dataSource: DataSource;
  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
  });
  const db = useTestDatabase();

  it('empties them and resets the checkpoint; the projector refills them with current and former names', async () => {
    const before = await open(db.url, [
      CreateEventStore1764288000000,
      CreateReadModels1764374400000,
      WidenReadModelPositions1764979200000,
    ]);
    await before.runMigrations();
    store = new PostgresEventStore({ url: db.url, poolSize: 2 });
    const code = creditCode(77);
    const ledger = new TestLedger(store);
    await ledger.run(code, '2025-06-30', {
      type: 'RegisterEnterprise',
      data: { creditCode: code, name: '天津旧名有限公司', district: '120101' },
    });
    const [last] = await ledger.run(code, '2025-06-30', {
      type: 'RenameEnterprise',
      data: { name: '天津新名有限公司', effectiveOn: '2025-03-01' },
    });
    // What the projector of the previous release left: a snapshot without formerNames, the checkpoint at the head.
    await before.query(
      `INSERT INTO read_model.enterprise_summary (credit_code, name, district_code, version, last_position, state)
       VALUES ($1, '天津新名有限公司', '120101', 1, $2, '{"status":"ACTIVE","name":"天津新名有限公司"}')`,
      [code, last!.position],
    );
    await before.query(`INSERT INTO read_model.projection_checkpoint (name, position) VALUES ('read_models', $1)`, [
      last!.position,
    ]);
    await before.destroy();

    // The upgrade: this release's migrations, all of them (its rebuild derives every table they create).
    dataSource = await open(db.url, [CreateEventStore1764288000000, ...READ_MODEL_MIGRATIONS]);
    await dataSource.runMigrations();
    expect((await readCheckpoint(dataSource, LIVE_SCHEMA)).position).toBeNull();
    expect(await dataSource.query('SELECT credit_code FROM read_model.enterprise_summary')).toEqual([]);

    const projector = new ProjectorService(dataSource, store, { error: () => undefined }, { autoStart: false });
    projector.start();
    try {
      for (let i = 0; i < 300 && (await readCheckpoint(dataSource, LIVE_SCHEMA)).position !== last!.position; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await projector.stop();
    }
    const names = await dataSource.query(
      'SELECT name, current FROM read_model.enterprise_name WHERE credit_code = $1 ORDER BY current',
      [code],
    );
    expect(names).toEqual([
      { name: '天津旧名有限公司', current: false },
      { name: '天津新名有限公司', current: true },
    ]);
    const [summary] = await dataSource.query('SELECT state FROM read_model.enterprise_summary WHERE credit_code = $1', [
      code,
    ]);
    expect(summary.state.formerNames).toEqual(['天津旧名有限公司']);
  }, 120_000);
});
