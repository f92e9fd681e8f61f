import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AppConfig, ConfigError, type OidcClientConfig } from './app-config';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Defaults far above any person or script the city runs: the benchmarks drive 32 clients on one token toward
 * 1,000 commands/s (60,000 a minute), ten times under this; a limit is there to stop a runaway loop, not a heavy client.
 */
const DEFAULT_WRITES_PER_MINUTE = 600_000;
const DEFAULT_IMPORTS_PER_MINUTE = 120;
const DEFAULT_HEAP_GROWING_PERCENT = 50;

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

function whole(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > max) throw new ConfigError(name, `must be a whole number from 0 to ${max}`, raw);
  return value;
}

/** A claim value (issuer, audience): any text without spaces or control characters. */
function claim(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  // eslint-disable-next-line no-control-regex
  if (raw.length > 1000 || /[\s\u0000-\u001f\u007f]/.test(raw)) {
    throw new ConfigError(name, 'must be one value without spaces (at most 1000 characters)', raw);
  }
  return raw;
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

function oidc(env: Env): OidcClientConfig | undefined {
  const issuer = url(env, 'OIDC_ISSUER', ['https:', 'http:']);
  const clientId = env.OIDC_CLIENT_ID || undefined;
  if (!issuer && !clientId) return undefined;
  if (!issuer) throw new ConfigError('OIDC_ISSUER', 'is required when OIDC_CLIENT_ID is set', '');
  if (!clientId) throw new ConfigError('OIDC_CLIENT_ID', 'is required when OIDC_ISSUER is set', '');
  const scope = env.OIDC_SCOPE || 'openid profile';
  if (!scope.split(' ').includes('openid')) throw new ConfigError('OIDC_SCOPE', 'must include openid', scope);
  return { issuer, clientId, scope, resource: env.OIDC_RESOURCE || undefined };
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
  const oidcClient = oidc(env);
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
    jwtIssuer: claim(env, 'JWT_ISSUER'),
    jwtAudience: claim(env, 'JWT_AUDIENCE'),
    // The console's sign-on provider: allowed in the CSP's connect-src and form-action.
    oidcIssuer: oidcClient?.issuer,
    rateLimits: {
      writesPerMinute: whole(env, 'RATE_LIMIT_WRITES_PER_MINUTE', DEFAULT_WRITES_PER_MINUTE, 10_000_000),
      importsPerMinute: whole(env, 'RATE_LIMIT_IMPORTS_PER_MINUTE', DEFAULT_IMPORTS_PER_MINUTE, 1_000_000),
    },
    readStatementTimeoutMs: whole(env, 'READ_STATEMENT_TIMEOUT_MS', 10_000, 3_600_000),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    introspection: flag(env, 'GRAPHQL_INTROSPECTION', !production),
    projectorInProcess: flag(env, 'PROJECTOR_IN_PROCESS', true),
    projectionVersionMismatch: oneOf(
      env,
      'PROJECTION_VERSION_MISMATCH',
      ['upgrade', 'refuse', 'rebuild'] as const,
      'upgrade',
    ),
    projectorMinReadIntervalMs: whole(env, 'PROJECTOR_MIN_READ_INTERVAL_MS', 25, 10_000),
    liveCheckpointMaxAgeMs: whole(env, 'LIVE_CHECKPOINT_MAX_AGE_MS', 1000, 60_000),
    subscriptionsMax: whole(env, 'SUBSCRIPTIONS_MAX', 200, 100_000),
    lapseSweep: flag(env, 'LAPSE_SWEEP', true),
    metricsToken,
    metricsPort: env.METRICS_PORT ? port(env, 'METRICS_PORT', 0) : undefined,
    readyMaxProjectionLagSeconds: seconds(env, 'READY_MAX_PROJECTION_LAG_SECONDS', 300),
    production,
    webDir: resolve(env.WEB_DIR || 'dist/web'),
    oidc: oidcClient,
    requestTimeoutMs: milliseconds(env, 'REQUEST_TIMEOUT_MS', 30_000),
    databaseWaitMs: milliseconds(env, 'DATABASE_WAIT_MS', 5_000),
    heapGrowingPercent: whole(env, 'HEAP_GROWING_PERCENT', DEFAULT_HEAP_GROWING_PERCENT, 400),
  };
}
