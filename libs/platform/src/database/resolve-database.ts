import { join } from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startSupervisedPostgres } from './embedded-supervisor';

/** Where the service's data lives, and how to let go of it at shutdown. */
export interface ResolvedDatabase {
  readonly url: string;
  readonly embedded: boolean;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'cultivation';

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${name} template template0 encoding 'UTF8'`);
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL when set; otherwise a real PostgreSQL started from DATA_DIR (kept across restarts). With
 * `supervise` (the service), a server this process started is restarted when it dies, and `giveUp` is called
 * after EMBEDDED_PG_RESTARTS failed restarts; a command sharing the service's server never supervises it.
 */
export async function resolveDatabase(
  config: AppConfig,
  logger: Logger,
  supervise?: { giveUp: (line: string) => void },
): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, close: async () => undefined };
  const dataDir = join(config.dataDir, 'postgres');
  logger.info({ dataDir, port: config.embeddedPostgresPort }, 'starting embedded PostgreSQL');
  const options = {
    dataDir,
    port: config.embeddedPostgresPort,
    persistent: true,
    log: (line: string) => logger.debug({ component: 'postgres' }, line),
    warn: (line: string) => logger.warn({ component: 'postgres' }, line),
  };
  const server = supervise
    ? await startSupervisedPostgres(options, {
        maxRestarts: config.embeddedPostgresRestarts,
        warn: options.warn,
        giveUp: supervise.giveUp,
      })
    : await startEmbeddedPostgres(options);
  await ensureDatabase(server.url, EMBEDDED_DATABASE);
  const url = new URL(server.url);
  url.pathname = `/${EMBEDDED_DATABASE}`;
  return { url: url.toString(), embedded: true, close: () => server.stop() };
}
