// `node dist/bench/grant-trips.js [--scale N] [--grants G]` (issue 24, item 5): the statements PostgreSQL runs for
// one grant end to end (the API's command: stream read, idempotency, append, notify; then its in-process projector),
// counted with pg_stat_statements on the bench PostgreSQL. The API runs idle for the same time first, so the
// statements of its own timers (projector polling, checkpoints) are printed apart; then G grants, each on its own
// enterprise, one after another, and the statements per grant. Every statement of the pg client is one round trip
// (BEGIN and COMMIT included).
import { execFileSync } from 'node:child_process';
import { DISTRICTS } from '@cl/cultivation';
import { startApi, token } from './api';
import { b2Enterprise, commandTemplate, GRANT } from './b2-commands';
import { graphql, resetStatementStats, sleep, startBenchPostgres, withClient } from './common';

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
/** Long enough for the projector to apply a grant (it wakes on NOTIFY) and for its timers to run a few times. */
const SETTLE_MS = 3_000;

interface Statement {
  calls: number;
  query: string;
}

async function statements(url: string): Promise<Statement[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ calls: string; query: string }>(
      `SELECT calls, query FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
       ORDER BY calls DESC, query`,
    );
    return rows.map((r) => ({ calls: Number(r.calls), query: r.query.replace(/\s+/g, ' ').slice(0, 160) }));
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const scale = option('--scale', 500);
  const grants = option('--grants', 5);
  const pg = await startBenchPostgres(log);
  try {
    const template = await commandTemplate(pg, scale, false, log);
    await withClient(pg.urlOf('postgres'), async (c) => {
      await c.query('DROP DATABASE IF EXISTS bench WITH (FORCE)');
      await c.query(`CREATE DATABASE bench TEMPLATE ${template} STRATEGY file_copy`);
    });
    await pg.enableStatementStats();
    const api = await startApi(pg.url, log);
    try {
      const officials = new Map<string, string>();
      for (const d of DISTRICTS) officials.set(d.code, await token('DISTRICT_OFFICIAL', d.code));
      const grant = async (i: number) => {
        const { creditCode, district } = b2Enterprise(i);
        await graphql(
          api.url,
          GRANT,
          { input: { creditCode, tier: 'TECH_SME', grantedOn: '2026-07-01', certificateNo: `T-${i}` } },
          officials.get(district)!,
        );
      };
      await grant(15_999); // warm: the first grant prepares what later ones reuse
      await sleep(SETTLE_MS);
      await resetStatementStats(pg.url);
      await sleep(SETTLE_MS * grants);
      const idle = await statements(pg.url);
      await resetStatementStats(pg.url);
      for (let i = 0; i < grants; i++) {
        await grant(i);
        await sleep(SETTLE_MS);
      }
      const busy = await statements(pg.url);
      const idleCalls = new Map(idle.map((s) => [s.query, s.calls]));
      const total = (list: Statement[]) => list.reduce((n, s) => n + s.calls, 0);
      const lines = [
        `load average ${execFileSync('uptime', { encoding: 'utf8' })
          .trim()
          .replace(/.*load average: /, '')}`,
        `idle ${(SETTLE_MS * grants) / 1000} s: ${total(idle)} statements`,
        ...idle.map((s) => `  ${String(s.calls).padStart(5)}  ${s.query}`),
        `${grants} grants (+ the same ${(SETTLE_MS * grants) / 1000} s): ${total(busy)} statements, ` +
          `${((total(busy) - total(idle)) / grants).toFixed(1)} per grant beyond idle`,
        ...busy.map(
          (s) =>
            `  ${String(s.calls).padStart(5)}  (${((s.calls - (idleCalls.get(s.query) ?? 0)) / grants).toFixed(1)}/grant)  ${s.query}`,
        ),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      await api.stop();
    }
  } finally {
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `grant-trips failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
