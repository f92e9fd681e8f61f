// B2 commands: grantCertification over GraphQL from 32 concurrent clients (each enterprise's own
// DISTRICT_OFFICIAL token), every grant a real command on a pre-registered enterprise; against raw
// single-row INSERT transactions from 32 concurrent connections on the same PostgreSQL.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@cl/event-store';
import {
  CommandExecutor,
  decide,
  demoCreditCode,
  DISTRICTS,
  EnterpriseBatchWriter,
  enterpriseStreamName,
  FixedClock,
  type EnterpriseCommand,
  rebuildReadModels,
  type StreamWork,
} from '@cl/cultivation';
import { type BenchPostgres, fmt, graphqlLoad, type LoadResult, summarize, withClient } from './common';
import { token } from './api';
import { BENCH_SEED, BENCH_TODAY, prepareBenchDatabase } from './seed';

export const CONCURRENCY = 32;
const B2_SEED = 7;
/** Enterprises registered for B2: each takes two grants (科技型中小, 创新型中小), so 2× this many commands at most. */
export const B2_ENTERPRISES = 16_000;
const DURATION_MS = 15_000;
const RAW_DURATION_MS = 10_000;
const GRANTED_ON = '2026-07-01';

export interface B2Enterprise {
  creditCode: string;
  district: string;
}

export function b2Enterprise(i: number): B2Enterprise {
  const district = DISTRICTS[i % DISTRICTS.length]!.code;
  return { creditCode: demoCreditCode(B2_SEED, i, district), district };
}

/** Registers the B2 enterprises through the batched decider path (before the API starts). */
export function registerB2Enterprises(url: string): Promise<void> {
  return writeToB2Enterprises(url, B2_ENTERPRISES, 'register', (i, { creditCode, district }) => ({
    operation: 'RegisterEnterprise',
    input: { creditCode, district },
    command: { type: 'RegisterEnterprise', data: { creditCode, name: `天津基准${i}科技有限公司`, district } },
  }));
}

/**
 * One command to each of the first `count` B2 enterprises, through the batched decider path (no API
 * needed); throws when any is refused.
 */
export async function writeToB2Enterprises(
  url: string,
  count: number,
  label: string,
  commandFor: (i: number, e: B2Enterprise) => { operation: string; input: unknown; command: EnterpriseCommand },
): Promise<void> {
  const store = new PostgresEventStore({ url, poolSize: 4 });
  const clock = new FixedClock(new Date(`${BENCH_TODAY}T04:00:00Z`));
  const writer = new EnterpriseBatchWriter(store, clock, new CommandExecutor(store, clock));
  const batches = function* () {
    for (let start = 0; start < count; start += 500) {
      const batch: StreamWork[] = [];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const e = b2Enterprise(i);
        const { operation, input, command } = commandFor(i, e);
        batch.push({
          streamId: enterpriseStreamName(e.creditCode),
          units: [
            {
              commandId: `bench-b2-${label}-${e.creditCode}`,
              operation,
              input,
              decide: (state, context) => decide(command, state, context),
            },
          ],
        });
      }
      yield batch;
    }
  };
  let rejected = 0;
  try {
    await writer.writeAll(
      batches(),
      { actor: { sub: 'bench', roles: ['MUNICIPAL_OFFICIAL'] }, source: 'SYSTEM', correlationId: `bench-b2-${label}` },
      (_batch, outcomes) => outcomes.forEach((o) => o.forEach((u) => (rejected += u.status === 'rejected' ? 1 : 0))),
    );
  } finally {
    await store.close();
  }
  if (rejected > 0) throw new Error(`${rejected} B2 ${label} commands were refused`);
}

export const GRANT = `mutation Grant($input: GrantCertificationInput!) {
  grantCertification(input: $input) { position events { eventId version } }
}`;

/** Grants at 32 concurrent clients: 15 s or 2 × B2_ENTERPRISES commands, whichever ends first. */
export async function benchGrants(apiUrl: string): Promise<LoadResult> {
  const tokens = new Map<string, string>();
  for (const d of DISTRICTS) tokens.set(d.code, await token('DISTRICT_OFFICIAL', d.code));
  const tiers = ['TECH_SME', 'INNOVATIVE_SME'] as const;
  return graphqlLoad({
    url: apiUrl,
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
    maxRequests: B2_ENTERPRISES * tiers.length,
    body: (i) => {
      const { creditCode, district } = b2Enterprise(i % B2_ENTERPRISES);
      const tier = tiers[Math.floor(i / B2_ENTERPRISES)]!;
      return {
        query: GRANT,
        variables: { input: { creditCode, tier, grantedOn: GRANTED_ON, certificateNo: `B2-${i}` } },
        token: tokens.get(district)!,
      };
    },
  });
}

/**
 * The limit: single-row INSERT transactions (autocommit) of an event-shaped row, 32 connections. With
 * `notify`, each is BEGIN; INSERT; pg_notify; COMMIT as the adapter's appends are (a diagnostic: a
 * notifying transaction holds PostgreSQL's global notify lock through its commit, so commits serialize).
 */
export async function benchRawInserts(url: string, notify = false): Promise<LoadResult> {
  await withClient(url, (c) =>
    c.query('DROP TABLE IF EXISTS raw_commands; CREATE TABLE raw_commands (LIKE events INCLUDING ALL)'),
  );
  const duration = notify ? RAW_DURATION_MS / 2 : RAW_DURATION_MS;
  const clients = await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const data = JSON.stringify({
    tier: 'TECH_SME',
    level: 'MUNICIPAL',
    grantedOn: GRANTED_ON,
    validUntil: '2027-06-30',
  });
  const metadata = JSON.stringify({ actor: 'bench', source: 'API', schemaVersion: 1 });
  const latencies: number[] = [];
  let n = 0;
  const started = performance.now();
  try {
    await Promise.all(
      clients.map(async (c, k) => {
        while (performance.now() - started < duration) {
          const t0 = performance.now();
          if (notify) await c.query('BEGIN');
          await c.query(
            `INSERT INTO raw_commands (global_position, stream_id, stream_version, event_id, type, data, metadata)
             VALUES (pg_current_xact_id()::text::bigint << 20, $1, 0, gen_random_uuid(), 'CertificationGranted', $2, $3)`,
            [`raw-${k}-${n++}`, data, metadata],
          );
          if (notify) {
            await c.query("SELECT pg_notify('cl_bench_raw', '')");
            await c.query('COMMIT');
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return summarize(latencies, 0, null, performance.now() - started);
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withClient(
    adminUrl,
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
}

/**
 * The seeded cohort + B2's enterprises + rebuilt read models, as a template database `cmd_<scale>_<seed>` (made once
 * in a kept cluster; the command-path and engines benches copy it to a fresh `bench` per API run).
 */
export async function commandTemplate(
  pg: BenchPostgres,
  scale: number,
  kept: boolean,
  log: (line: string) => void,
): Promise<string> {
  const template = `cmd_${scale}_${BENCH_SEED}`;
  const admin = pg.urlOf('postgres');
  if (await databaseExists(admin, template)) return template;
  await prepareBenchDatabase(pg, scale, kept, log);
  await withB2Enterprises(pg.url, log);
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${template} TEMPLATE bench STRATEGY file_copy`));
  return template;
}

/** The seeded `bench` database + B2's enterprises, its read models rebuilt and analysed (the knownAt bench's start too). */
export async function withB2Enterprises(url: string, log: (line: string) => void): Promise<void> {
  log(`registering ${fmt(B2_ENTERPRISES)} B2 enterprises`);
  await registerB2Enterprises(url);
  log('rebuilding the read models');
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 10 }, logging: ['error'] });
  await dataSource.initialize();
  const store = new PostgresEventStore({ url, poolSize: 10 });
  try {
    await rebuildReadModels(dataSource, store);
  } finally {
    await store.close();
    await dataSource.destroy();
  }
  await withClient(url, (c) => c.query('VACUUM ANALYZE'));
}
