import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AppConfig, ConfigError } from './app-config';

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 65535) {
    throw new ConfigError(name, 'must be a whole number from 1 to 65535', raw);
  }
  return value;
}

function count(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,3}$/.test(raw)) throw new ConfigError(name, 'must be a whole number from 0 to 999', raw);
  return Number(raw);
}

function milliseconds(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 100 || value > 3_600_000) {
    throw new ConfigError(name, 'must be a whole number of milliseconds from 100 to 3600000', raw);
  }
  return value;
}

function seconds(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,7}$/.test(raw)) throw new ConfigError(name, 'must be a whole number of seconds (0 for no bound)', raw);
  return Number(raw);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, 'must be true or false', raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}`, raw);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL (${protocols.join(' or ')})`, raw);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must be a URL starting with ${protocols.join(' or ')}`, raw);
  }
  return raw;
}

/** Reads and validates the configuration; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const eventStore = oneOf(env, 'EVENT_STORE', ['postgres', 'eventstoredb'] as const, 'postgres');
  const eventStoreConnectionString = url(env, 'EVENTSTORE_CONNECTION_STRING', [
    'esdb:',
    'esdb+discover:',
    'kurrentdb:',
    'kurrentdb+discover:',
    'kdb:',
  ]);
  if (eventStore === 'eventstoredb' && !eventStoreConnectionString) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'is required when EVENT_STORE=eventstoredb', '');
  }
  const jwtSecret = env.JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters', '*'.repeat(jwtSecret.length));
  }
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(metricsToken)) {
    throw new ConfigError(
      'METRICS_TOKEN',
      'must be at least 16 printable characters without spaces',
      '*'.repeat(metricsToken.length),
    );
  }
  const dataDir = env.DATA_DIR || './data';
  const stat = statSync(dataDir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new ConfigError('DATA_DIR', 'must be a folder (it names a file)', dataDir);
  return {
    port: port(env, 'PORT', 3000),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: resolve(dataDir),
    embeddedPostgresPort: port(env, 'EMBEDDED_PG_PORT', 54329),
    embeddedPostgresRestarts: count(env, 'EMBEDDED_PG_RESTARTS', 5),
    eventStore,
    eventStoreConnectionString,
    jwtSecret,
    jwtJwksUrl: url(env, 'JWT_JWKS_URL', ['https:', 'http:']),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    introspection: flag(env, 'GRAPHQL_INTROSPECTION', !production),
    projectorInProcess: flag(env, 'PROJECTOR_IN_PROCESS', true),
    lapseSweep: flag(env, 'LAPSE_SWEEP', true),
    metricsToken,
    metricsPort: env.METRICS_PORT ? port(env, 'METRICS_PORT', 0) : undefined,
    readyMaxProjectionLagSeconds: seconds(env, 'READY_MAX_PROJECTION_LAG_SECONDS', 300),
    production,
    requestTimeoutMs: milliseconds(env, 'REQUEST_TIMEOUT_MS', 30_000),
    databaseWaitMs: milliseconds(env, 'DATABASE_WAIT_MS', 5_000),
  };
}
