import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { createServer } from 'node:net';
import {
  type CalendarDate,
  demoShape,
  isCalendarDate,
  type OpenLedger,
  openLedger,
  ProjectionStatusQueries,
  PUBLISHED_END_2024,
  seedDemoCohort,
  SystemClock,
} from '@cl/cultivation';
import { type AppConfig, loadConfig, resolveJwtSecret, type Role, ROLES, TokenService } from '@cl/platform';
import { cliLogger } from '../ledger-command';
import { createApi } from '../../../api/src/create-api';

const MAX_ENTERPRISES = 1_000_000;

function whole(value: string, name: string, min: number, max: number): number {
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** The cohort's figures on the last day of 2024 beside the city's published ones (README, "A demo true to Tianjin"). */
function shapeTable(seed: number, enterprises: number, today: CalendarDate): string {
  const s = demoShape(seed, enterprises, today, '2024-12-31' as CalendarDate);
  const p = PUBLISHED_END_2024;
  const rows: [string, string, number | undefined][] = [
    ['专精特新中小企业 (valid)', `>${p.SRDI_SME.toLocaleString('en')}`, s.valid.SRDI_SME],
    ['专精特新"小巨人" (valid)', String(p.LITTLE_GIANT), s.valid.LITTLE_GIANT],
    ['制造业单项冠军, municipal', String(p.SINGLE_CHAMPION_MUNICIPAL), s.valid.SINGLE_CHAMPION_MUNICIPAL],
    ['制造业单项冠军, national', String(p.SINGLE_CHAMPION_NATIONAL), s.valid.SINGLE_CHAMPION_NATIONAL],
    ['创新型中小企业 (valid)', `>${p.INNOVATIVE_SME.toLocaleString('en')}`, s.valid.INNOVATIVE_SME],
    [
      '创新型中小企业, 2025 first batch',
      p.INNOVATIVE_SME_2025_FIRST_BATCH.toLocaleString('en'),
      s.innovative2025FirstBatch,
    ],
    ['科技型中小企业 (valid)', '—', s.valid.TECH_SME],
    ['高新技术企业 (valid)', '—', s.valid.HIGH_TECH],
  ];
  const months = Object.entries(s.techSmeByMonth).sort();
  return [
    `| figure on 2024-12-31 (seed ${seed}, ${enterprises.toLocaleString('en')} enterprises) | published | demo |`,
    '|---|---:|---:|',
    ...rows.map(([what, published, demo]) => `| ${what} | ${published} | ${(demo ?? 0).toLocaleString('en')} |`),
    '',
    `科技型 batches of 2024 (month: grants): ${months.map(([m, n]) => `${m.slice(5)}: ${n}`).join(', ')}`,
    `滨海新区: ${(s.byDistrict['120116'] ?? 0).toLocaleString('en')} of ${enterprises.toLocaleString('en')} enterprises; ` +
      `commands the decider refused: ${s.refused}`,
  ].join('\n');
}

/** Who holds the service's port: nobody, a Cultivation Ledger (answering serviceInfo), or another program. */
async function portHolder(port: number): Promise<'free' | 'ledger' | 'other'> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });
  if (free) return 'free';
  const answer = await graphql(port, '{ serviceInfo { name } }').catch(() => undefined);
  return answer?.data?.serviceInfo ? 'ledger' : 'other';
}

type Answer = {
  data?: Record<string, { [field: string]: unknown } | null> | null;
  errors?: { extensions?: { code?: string } }[];
};

async function graphql(port: number, query: string, token?: string): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  return (await res.json()) as Answer;
}

/** One token per role, signed as the service checks them (JWT_SECRET, else the secret in DATA_DIR). */
async function roleTokens(config: AppConfig): Promise<{ role: Role; district?: string; token: string }[]> {
  const tokens = new TokenService({
    secret: resolveJwtSecret(config).secret,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
  });
  return Promise.all(
    ROLES.map(async (role) => {
      const district = role === 'DISTRICT_OFFICIAL' ? '120116' : undefined;
      const token = await tokens.sign({
        sub: `demo-${role.toLowerCase()}`,
        roles: [role],
        ...(district ? { district } : {}),
      });
      return { role, ...(district ? { district } : {}), token };
    }),
  );
}

/** `demo`: seeds a deterministic synthetic cohort, then serves it and prints a token for each role. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('seed a deterministic synthetic cohort of the city, then start the service and print tokens')
    .option('--seed <n>', 'seed of the generator (same seed, same cohort)', '42')
    .option('--enterprises <n>', `cohort size (up to ${MAX_ENTERPRISES.toLocaleString('en')})`, '30000')
    .option('--no-serve', 'seed only, do not start the service')
    .option(
      '--shape [today]',
      "print the cohort's figures on 2024-12-31 beside the city's published ones (history up to [today], default " +
        'today), computed in memory; seeds nothing',
    )
    .action(async (opts: { seed: string; enterprises: string; serve: boolean; shape?: string | true }) => {
      const seed = whole(opts.seed, '--seed', 0, 2 ** 32 - 1);
      const enterprises = whole(opts.enterprises, '--enterprises', 1, MAX_ENTERPRISES);
      if (opts.shape !== undefined) {
        const today = opts.shape === true ? new SystemClock().today() : opts.shape;
        if (!isCalendarDate(today)) throw new Error(`--shape ${today}: not a date (YYYY-MM-DD)`);
        process.stdout.write(`${shapeTable(seed, enterprises, today as CalendarDate)}\n`);
        return;
      }
      const config = loadConfig();
      const logger = cliLogger(config, 'warn');
      // Beside a service already running on this port, the demo seeds its ledger and lets it serve the cohort.
      const holder = opts.serve ? await portHolder(config.port) : 'free';
      if (holder === 'other') {
        throw new Error(
          `port ${config.port} is in use by a program that is not Cultivation Ledger: stop it, or run the demo on ` +
            `another port (PORT=3001 npm run demo), or seed only (npm run demo -- --no-serve)`,
        );
      }
      let app: Awaited<ReturnType<typeof createApi>> | undefined;
      let stopping: Promise<void> | undefined;
      // Seed before the API (and its in-process projector) starts: on 2 cores the projector would halve the rate.
      const opening = openLedger(config, logger);
      // A signal at any moment (starting the database, seeding, serving) stops the service and the database.
      const stop = () =>
        (stopping ??= (async () => {
          const opened = await opening.catch(() => undefined);
          await app?.close();
          await opened?.close();
        })());
      const shutdown = () => void stop().finally(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      const ledger = await opening;
      try {
        const bar = process.stdout.isTTY
          ? new SingleBar(
              { format: 'demo [{bar}] {value}/{total} enterprises, {events} events', hideCursor: true },
              Presets.shades_classic,
            )
          : undefined;
        bar?.start(enterprises, 0, { events: 0 });
        const result = await seedDemoCohort(ledger.store, { seed, enterprises }, (p) =>
          bar?.update(p.enterprises, { events: p.events }),
        );
        bar?.stop();
        const seconds = result.durationMs / 1000;
        process.stdout.write(
          `demo: seed ${seed}, ${result.enterprises} enterprises — ${result.events} events written by ` +
            `${result.commands} commands; ${result.alreadyRecorded} already recorded by an earlier run of this seed, ` +
            `${result.nothingToWrite} with nothing to write (lapse sweeps on days nothing lapsed), ` +
            `${result.rejected} refused; ${seconds.toFixed(1)} s: ${Math.round(result.enterprises / seconds)} ` +
            `enterprises/s, ${Math.round(result.events / seconds)} events/s\n`,
        );
        for (const line of result.rejections) process.stdout.write(`  refused: ${line}\n`);
        if (!opts.serve || stopping) return await stop();
        if (holder === 'ledger') return await besideRunningService(config, ledger, stop);
        app = await createApi({ config, logger, databaseUrl: ledger.databaseUrl, schemaFile: 'schema.gql' });
        if (stopping) return await stop();
        await app.listen(config.port, '0.0.0.0');
      } catch (error) {
        const stoppedBySignal = stopping !== undefined; // the seeding fails once the signal closed the ledger
        await stop();
        if (stoppedBySignal) return;
        throw error;
      }
      try {
        process.stdout.write(
          `Cultivation Ledger is listening: http://localhost:${config.port}/graphql\n${tokenLines(config, await roleTokens(config))}`,
        );
        const head = await ledger.store.head();
        if (head !== null) {
          process.stdout.write(
            'The read models are catching up with the log (queries count what is projected so far)…\n',
          );
          const caughtUp = await new ProjectionStatusQueries(ledger.dataSource, ledger.store).waitForPosition(
            head,
            600_000,
          );
          process.stdout.write(
            caughtUp ? 'Read models up to date.\n' : 'Read models still catching up (see projectionStatus).\n',
          );
        }
      } catch (error) {
        if (stopping) return; // the wait fails once the signal closed the ledger
        throw error;
      }
      process.stdout.write('Press Ctrl+C to stop.\n');
    });
}

function tokenLines(config: AppConfig, tokens: Awaited<ReturnType<typeof roleTokens>>): string {
  const lines = [`Console: http://localhost:${config.port}/ (paste a token below into 令牌 / Token)`, 'Tokens (12 h):'];
  for (const { role, district, token } of tokens) lines.push(`  ${role}${district ? ` (${district})` : ''}: ${token}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The service already running on the port serves the seeded cohort when it reads the same ledger (its log's head is
 * this one's) and takes these tokens; the demo prints them, waits for its read models and exits. Otherwise it says
 * what differs and what to do.
 */
async function besideRunningService(config: AppConfig, ledger: OpenLedger, stop: () => Promise<void>): Promise<void> {
  try {
    const tokens = await roleTokens(config);
    const analyst = tokens.find((t) => t.role === 'ANALYST')!.token;
    const head = await ledger.store.head();
    const status = await graphql(config.port, '{ projectionStatus { headPosition } }', analyst);
    const url = `http://localhost:${config.port}/`;
    if (status.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') {
      throw new Error(
        `the service at ${url} does not accept tokens signed with this demo's secret (it runs with another ` +
          "JWT_SECRET): the cohort is seeded; get tokens with npm run token under the service's settings",
      );
    }
    const served = status.data?.projectionStatus?.headPosition;
    if (served !== undefined && served !== (head ?? '0')) {
      throw new Error(
        `the service at ${url} runs on another database (DATA_DIR or DATABASE_URL differs: its log ends at ` +
          `${String(served)}, this one at ${head ?? '0'}): stop it and run npm run demo again, or run the demo ` +
          'with its settings',
      );
    }
    process.stdout.write(
      `Cultivation Ledger is already running at ${url}: it serves the seeded cohort (this demo does not start another).\n` +
        tokenLines(config, tokens),
    );
    if (head !== null) {
      const caughtUp = await new ProjectionStatusQueries(ledger.dataSource, ledger.store).waitForPosition(
        head,
        600_000,
      );
      process.stdout.write(
        caughtUp ? 'Read models up to date.\n' : 'Read models still catching up (see projectionStatus).\n',
      );
    }
  } finally {
    await stop();
  }
}
