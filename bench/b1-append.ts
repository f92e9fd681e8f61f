// B1 append: events/s through the PostgreSQL adapter's appendMany (500 streams × 4 events per
// transaction, the batch writer's shape), against one raw multi-row INSERT (unnest of arrays) of the same rows into a
// table with the same columns, constraints and indexes (the limit). Both run in a separate database
// (`bench_append`) so the seeded ledger stays as it was; rounds alternate to share any drift.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Client } from 'pg';
import { CreateEventStore1764288000000, PostgresEventStore, type AppendRequest } from '@cl/event-store';
import { type BenchPostgres, withClient } from './common';

const STREAMS_PER_TRANSACTION = 500;
const EVENTS_PER_STREAM = 4;
const ROUNDS = 3;
const ROUND_MS = 3_000;

interface Template {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface AppendFigures {
  readonly adapterEventsPerSecond: number;
  readonly rawEventsPerSecond: number;
  readonly eventsPerTransaction: number;
  readonly adapterEvents: number;
  readonly rawEvents: number;
}

function transactionOf(templates: Template[], tag: string): AppendRequest[] {
  return Array.from({ length: STREAMS_PER_TRANSACTION }, (_, s) => ({
    streamId: `enterprise-b1-${tag}-${s}`,
    expected: 'NO_STREAM' as const,
    events: Array.from({ length: EVENTS_PER_STREAM }, (_, e) => {
      const t = templates[(s * EVENTS_PER_STREAM + e) % templates.length]!;
      const eventId = randomUUID();
      return { eventId, type: t.type, data: t.data, metadata: { ...t.metadata, eventId } };
    }),
  }));
}

/**
 * The same rows as one multi-row INSERT (the rows passed as arrays and expanded with unnest, so the
 * statement stays small whatever the row count), in its own transaction.
 */
async function rawInsert(client: Client, requests: AppendRequest[]): Promise<number> {
  const columns = { stream: [] as string[], version: [] as number[], id: [] as string[], type: [] as string[] };
  const data: string[] = [];
  const metadata: string[] = [];
  for (const r of requests) {
    r.events.forEach((e, version) => {
      columns.stream.push(r.streamId);
      columns.version.push(version);
      columns.id.push(e.eventId);
      columns.type.push(e.type);
      data.push(JSON.stringify(e.data));
      metadata.push(JSON.stringify(e.metadata));
    });
  }
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO raw_events (global_position, stream_id, stream_version, event_id, type, data, metadata)
     SELECT (pg_current_xact_id()::text::bigint << 20) | (r.ord - 1), r.stream_id, r.stream_version, r.event_id, r.type,
            r.data, r.metadata
     FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])
       WITH ORDINALITY AS r(stream_id, stream_version, event_id, type, data, metadata, ord)`,
    [columns.stream, columns.version, columns.id, columns.type, data, metadata],
  );
  await client.query('COMMIT');
  return columns.id.length;
}

/** Realistic payloads: the first seeded events (registrations, grants, renewals, lapses) with their metadata. */
async function templatesFrom(url: string): Promise<Template[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<Template>(
      `SELECT type, data, metadata FROM events ORDER BY global_position LIMIT ${STREAMS_PER_TRANSACTION * EVENTS_PER_STREAM}`,
    );
    return rows;
  });
}

export async function benchAppend(pg: BenchPostgres, log: (line: string) => void): Promise<AppendFigures> {
  const templates = await templatesFrom(pg.url);
  await withClient(pg.urlOf('postgres'), (c) => c.query('CREATE DATABASE bench_append'));
  const url = pg.urlOf('bench_append');
  const dataSource = new DataSource({ type: 'postgres', url, migrations: [CreateEventStore1764288000000] });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.query('CREATE TABLE raw_events (LIKE events INCLUDING ALL)');
  await dataSource.destroy();
  const store = new PostgresEventStore({ url, poolSize: 2 });
  const totals = { adapter: { events: 0, ms: 0 }, raw: { events: 0, ms: 0 } };
  try {
    await withClient(url, async (client) => {
      let batch = 0;
      // Warm-up: one transaction each, not counted.
      await store.appendMany(transactionOf(templates, `w${batch++}`));
      await rawInsert(client, transactionOf(templates, `w${batch++}`));
      for (let round = 0; round < ROUNDS; round++) {
        for (const kind of ['adapter', 'raw'] as const) {
          const started = performance.now();
          while (performance.now() - started < ROUND_MS) {
            const requests = transactionOf(templates, `${batch++}`);
            const t0 = performance.now();
            totals[kind].events +=
              kind === 'adapter'
                ? (await store.appendMany(requests)).reduce((n, r) => n + r.events.length, 0)
                : await rawInsert(client, requests);
            totals[kind].ms += performance.now() - t0;
          }
        }
        log(
          `  B1 round ${round + 1}/${ROUNDS}: adapter ${Math.round((totals.adapter.events * 1000) / totals.adapter.ms)} ev/s, raw ${Math.round((totals.raw.events * 1000) / totals.raw.ms)} ev/s`,
        );
      }
    });
  } finally {
    await store.close();
    await withClient(pg.urlOf('postgres'), (c) => c.query('DROP DATABASE bench_append WITH (FORCE)'));
  }
  return {
    adapterEventsPerSecond: (totals.adapter.events * 1000) / totals.adapter.ms,
    rawEventsPerSecond: (totals.raw.events * 1000) / totals.raw.ms,
    eventsPerTransaction: STREAMS_PER_TRANSACTION * EVENTS_PER_STREAM,
    adapterEvents: totals.adapter.events,
    rawEvents: totals.raw.events,
  };
}
