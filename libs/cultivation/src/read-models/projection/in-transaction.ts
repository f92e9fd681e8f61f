import type { DataSource, QueryRunner } from 'typeorm';
import { LOCKS } from '../schema';

/**
 * Runs `work` in one transaction on a connection of its own; `lockApply` first serialises with other
 * writers of the live schema, `lockSwap` (taken before APPLY) waits for verifies comparing the live schema.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (runner: QueryRunner) => Promise<T>,
  options: { lockApply?: boolean; lockSwap?: boolean } = {},
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    if (options.lockSwap) await runner.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCKS.namespace, LOCKS.swap]);
    if (options.lockApply) await runner.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCKS.namespace, LOCKS.apply]);
    const result = await work(runner);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
