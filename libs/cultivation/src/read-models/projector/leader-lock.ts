// Leader election: the worker holds a session advisory lock on a connection kept for its whole life.
// PostgreSQL releases the lock when that connection dies, so a standby's next try wins it.
import type { DataSource, QueryRunner } from 'typeorm';
import { LOCKS } from '../schema';

/** A held leader lock; `alive()` tells whether its connection (and so the lock) still exists. */
export class LeaderLock {
  private constructor(private readonly runner: QueryRunner) {}

  /** Tries once to become leader; null when another instance holds the lock. */
  static async tryAcquire(dataSource: DataSource): Promise<LeaderLock | null> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [row] = await runner.query('SELECT pg_try_advisory_lock($1, $2) AS won', [LOCKS.namespace, LOCKS.leader]);
      if (row?.won === true) return new LeaderLock(runner);
    } catch (error) {
      await runner.release();
      throw error;
    }
    await runner.release();
    return null;
  }

  /** False once the lock's connection is gone (another instance may already hold the lock). */
  async alive(): Promise<boolean> {
    try {
      await this.runner.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Gives the lock up and returns the connection. */
  async release(): Promise<void> {
    await this.runner
      .query('SELECT pg_advisory_unlock($1, $2)', [LOCKS.namespace, LOCKS.leader])
      .catch(() => undefined);
    await this.runner.release();
  }
}
