// Verify: rebuild into scratch schema rm_verify and list every row that differs from the live tables.
// The final catch-up and the comparison run under the APPLY lock, so both sides stand at the same position.
import type { EventStore } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { readCheckpoint } from '../projection/checkpoint';
import { inTransaction } from '../projection/in-transaction';
import type { Sql } from '../projection/sql';
import { LIVE_SCHEMA, READ_MODEL_TABLES, VERIFY_SCHEMA, qualified } from '../schema';
import { replayInto, type ReplayOptions } from './replay';
import { createShadowSchema, dropSchema } from './shadow-schema';

/** Differences reported per table and side before "… and N more". */
const SHOWN_PER_SIDE = 20;
/** Bookkeeping columns that legitimately differ between two builds. */
const VOLATILE = `'{generation,updated_at,stall}'::text[]`;

async function compareTable(sql: Sql, table: (typeof READ_MODEL_TABLES)[number]): Promise<string[]> {
  const rows = (schema: string) => `SELECT to_jsonb(t) - ${VOLATILE} AS r FROM ${qualified(schema, table)} t`;
  const out: string[] = [];
  for (const [a, b, label] of [
    [LIVE_SCHEMA, VERIFY_SCHEMA, 'only in the live read models'],
    [VERIFY_SCHEMA, LIVE_SCHEMA, 'only in a fresh rebuild'],
  ] as const) {
    const diff: { r: unknown; n: number }[] = await sql.query(
      `SELECT r, count(*) OVER ()::int AS n FROM (${rows(a)} EXCEPT ALL ${rows(b)}) d ORDER BY r::text LIMIT ${SHOWN_PER_SIDE}`,
    );
    for (const d of diff) out.push(`${table}: ${label}: ${JSON.stringify(d.r)}`);
    const total = diff[0]?.n ?? 0;
    if (total > diff.length) out.push(`${table}: … and ${total - diff.length} more ${label}`);
  }
  return out;
}

/** Rebuilds into scratch tables and returns every difference from the live read models (none expected). */
export async function verifyReadModels(
  dataSource: DataSource,
  store: EventStore,
  options: ReplayOptions = {},
): Promise<string[]> {
  await createShadowSchema(dataSource, VERIFY_SCHEMA);
  try {
    const counter = { done: 0 };
    const upTo = (await readCheckpoint(dataSource, LIVE_SCHEMA)).position;
    await replayInto(dataSource, store, VERIFY_SCHEMA, { ...options, upTo, counter, head: upTo, phase: 'replaying' });
    return await inTransaction(
      dataSource,
      async (tx) => {
        const live = (await readCheckpoint(tx, LIVE_SCHEMA)).position;
        await replayInto(dataSource, store, VERIFY_SCHEMA, {
          ...options,
          upTo: live,
          within: tx,
          counter,
          head: live,
          phase: 'catching-up',
        });
        await options.onProgress?.({ phase: 'comparing', done: counter.done, position: live, head: live });
        const differences: string[] = [];
        for (const table of READ_MODEL_TABLES) differences.push(...(await compareTable(tx, table)));
        await options.onProgress?.({ phase: 'done', done: counter.done, position: live, head: live });
        return differences;
      },
      { lockApply: true },
    );
  } finally {
    await dropSchema(dataSource, VERIFY_SCHEMA);
  }
}
