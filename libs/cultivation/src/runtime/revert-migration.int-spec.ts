// Rolling back a release whose migration changed the read models: `migrate --revert` runs that migration's `down`,
// and refuses to touch the event log's.
import { CreateEventStore1764288000000 } from '@cl/event-store';
import { revertLastMigration, runMigrationsLocked } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import { DataSource } from 'typeorm';
import { LEDGER_MIGRATIONS, REVERTIBLE_MIGRATIONS } from './open-ledger';

const open = (url: string, migrations: unknown[]) =>
  new DataSource({ type: 'postgres', url, migrations: migrations as never, logging: ['error'] }).initialize();

const tableExists = async (dataSource: DataSource, name: string) =>
  ((await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS present', [name])) as { present: boolean }[])[0]!
    .present;

describe('reverting the last migration', () => {
  const db = useTestDatabase();

  it('undoes the last read-model migration, then refuses the event store’s and leaves the log in place', async () => {
    const ledger = await open(db.url, LEDGER_MIGRATIONS);
    try {
      await runMigrationsLocked(ledger);
      expect(await tableExists(ledger, 'read_model.occurrence_daily')).toBe(false);
      expect(await revertLastMigration(ledger, REVERTIBLE_MIGRATIONS)).toBe('TargetsPerDistrict1796313600000');
      await expect(ledger.query('SELECT district FROM read_model.targets')).rejects.toThrow('district');
      expect(await revertLastMigration(ledger, REVERTIBLE_MIGRATIONS)).toBe('NameCoreKey1796227200000');
      expect(await ledger.query('SELECT 1 FROM read_model.enterprise_name WHERE name_key = $1', ['X'])).toEqual([]);
      await expect(ledger.query('SELECT core_key FROM read_model.enterprise_name')).rejects.toThrow('core_key');
      expect(await revertLastMigration(ledger, REVERTIBLE_MIGRATIONS)).toBe('OccurrencesInCountTree1796140800000');
      // the previous release's table is back, and its projector starts from the beginning of the log
      expect(await tableExists(ledger, 'read_model.occurrence_daily')).toBe(true);
      const applied = (await ledger.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[];
      expect(applied.map((m) => m.name)).not.toContain('OccurrencesInCountTree1796140800000');
      // every other read-model migration's down runs too, newest first, until the event store's is the last one
      for (const name of [...REVERTIBLE_MIGRATIONS].reverse().slice(3)) {
        expect(await revertLastMigration(ledger, REVERTIBLE_MIGRATIONS)).toBe(name);
      }
      expect(await tableExists(ledger, 'read_model.enterprise_summary')).toBe(false);
      await expect(revertLastMigration(ledger, REVERTIBLE_MIGRATIONS)).rejects.toThrow(
        'the last migration applied, CreateEventStore1764288000000, is not one this command reverts',
      );
      expect(await tableExists(ledger, 'public.events')).toBe(true);
    } finally {
      await ledger.destroy();
    }
  }, 120_000);

  it('names every read-model migration as revertible and none of the event store’s', () => {
    expect(REVERTIBLE_MIGRATIONS).not.toContain(CreateEventStore1764288000000.name);
    expect(REVERTIBLE_MIGRATIONS).toContain('OccurrencesInCountTree1796140800000');
  });
});
