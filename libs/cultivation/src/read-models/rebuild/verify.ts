// Verify: fold the log into scratch schema rm_verify up to the live checkpoint (the rebuild's fast
// path), then compare inside one REPEATABLE READ snapshot: the live checkpoint as of that snapshot,
// the scratch schema caught up to exactly it, and every table compared row by row. No APPLY lock:
// the live projector keeps committing batches meanwhile, which the snapshot does not see. A shared
// SWAP lock, taken before the snapshot, keeps a rebuild from renaming the live schema away under it.
import type { EventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { readCheckpoint } from '../projection/checkpoint';
import type { Sql } from '../projection/sql';
import { LIVE_SCHEMA, LOCKS, READ_MODEL_TABLES, VERIFY_SCHEMA, qualified } from '../schema';
import { buildFromLog } from './rebuild';
import { replayInto, type ReplayOptions } from './replay';
import { dropSchema } from './shadow-schema';

/** Differences reported per table and side before "… and N more". */
const SHOWN_PER_SIDE = 20;
/** Bookkeeping columns that legitimately differ between two builds. */
const VOLATILE = `'{generation,updated_at,stall}'::text[]`;

async function compareTable(
  sql: Sql,
  table: (typeof READ_MODEL_TABLES)[number],
  a: string,
  b: string,
): Promise<string[]> {
  const rows = (schema: string) => `SELECT to_jsonb(t) - ${VOLATILE} AS r FROM ${qualified(schema, table)} t`;
  const out: string[] = [];
  for (const [x, y, label] of [
    [a, b, 'only in the live read models'],
    [b, a, 'only in a fresh rebuild'],
  ] as const) {
    const diff: { r: unknown; n: number }[] = await sql.query(
      `SELECT r, count(*) OVER ()::int AS n FROM (${rows(x)} EXCEPT ALL ${rows(y)}) d ORDER BY r::text LIMIT ${SHOWN_PER_SIDE}`,
    );
    for (const d of diff) out.push(`${table}: ${label}: ${JSON.stringify(d.r)}`);
    const total = diff[0]?.n ?? 0;
    if (total > diff.length) out.push(`${table}: … and ${total - diff.length} more ${label}`);
  }
  return out;
}

/** Every row that differs between the read-model tables of schemas `live` and `fresh` (bookkeeping columns aside). */
export async function compareSchemas(sql: Sql, live: string, fresh: string): Promise<string[]> {
  const differences: string[] = [];
  for (const table of READ_MODEL_TABLES) differences.push(...(await compareTable(sql, table, live, fresh)));
  return differences;
}

/** Rebuilds into scratch tables and returns every difference from the live read models (none expected). */
export async function verifyReadModels(
  dataSource: DataSource,
  store: EventStore,
  options: ReplayOptions = {},
): Promise<string[]> {
  try {
    const counter = { done: 0 };
    const upTo = (await readCheckpoint(dataSource, LIVE_SCHEMA)).position;
    await buildFromLog(dataSource, store, VERIFY_SCHEMA, upTo, { ...options, counter });
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock_shared($1, $2)', [LOCKS.namespace, LOCKS.swap]);
      await runner.startTransaction('REPEATABLE READ');
      try {
        const live = (await readCheckpoint(runner, LIVE_SCHEMA)).position; // the first read fixes the snapshot
        await replayInto(dataSource, store, VERIFY_SCHEMA, {
          ...options,
          upTo: live,
          within: runner,
          counter,
          head: live,
          phase: 'catching-up',
        });
        await options.onProgress?.({ phase: 'comparing', done: counter.done, position: live, head: live });
        const differences = await compareSchemas(runner, LIVE_SCHEMA, VERIFY_SCHEMA);
        await runner.commitTransaction();
        await options.onProgress?.({ phase: 'done', done: counter.done, position: live, head: live });
        return differences;
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      }
    } finally {
      await runner
        .query('SELECT pg_advisory_unlock_shared($1, $2)', [LOCKS.namespace, LOCKS.swap])
        .catch(() => undefined);
      await runner.release();
    }
  } finally {
    await dropSchema(dataSource, VERIFY_SCHEMA);
  }
}
