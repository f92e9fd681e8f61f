import { ConfigError, loadConfig } from './index';

describe('configuration', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      eventStore: 'postgres',
      logLevel: 'info',
      introspection: true,
      projectorInProcess: true,
      projectionVersionMismatch: 'upgrade',
      projectorMinReadIntervalMs: 25,
      liveCheckpointMaxAgeMs: 1000,
      jwtIssuer: undefined,
      jwtAudience: undefined,
      rateLimits: { writesPerMinute: 600_000, importsPerMinute: 120 },
      readStatementTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      databaseWaitMs: 5_000,
      heapGrowingPercent: 50,
      metricsToken: undefined,
      readyMaxProjectionLagSeconds: 300,
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "70000")'],
    [
      { DATABASE_URL: 'mysql://x' },
      'Invalid configuration: DATABASE_URL must be a URL starting with postgres: or postgresql: (got "mysql://x")',
    ],
    [
      { DATABASE_URL: 'not a url' },
      'Invalid configuration: DATABASE_URL must be a URL (postgres: or postgresql:) (got "not a url")',
    ],
    [
      { EVENT_STORE: 'kafka' },
      'Invalid configuration: EVENT_STORE must be one of postgres, eventstoredb (got "kafka")',
    ],
    [
      { EVENT_STORE: 'eventstoredb' },
      'Invalid configuration: EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb (got "")',
    ],
    [
      { EVENTSTORE_CONNECTION_STRING: 'http://x' },
      /^Invalid configuration: EVENTSTORE_CONNECTION_STRING must be a URL starting with esdb:/,
    ],
    [
      { PROJECTION_VERSION_MISMATCH: 'ignore' },
      'Invalid configuration: PROJECTION_VERSION_MISMATCH must be one of upgrade, refuse, rebuild (got "ignore")',
    ],
    [{ JWT_SECRET: 'short' }, 'Invalid configuration: JWT_SECRET must be at least 32 characters (got "*****")'],
    [
      { LOG_LEVEL: 'loud' },
      'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [
      { DATA_DIR: 'package.json' },
      'Invalid configuration: DATA_DIR must be a folder (it names a file) (got "package.json")',
    ],
    [
      { JWT_ISSUER: 'https://sso.example/realm with space' },
      'Invalid configuration: JWT_ISSUER must be one value without spaces (at most 1000 characters) (got "https://sso.example/realm with space")',
    ],
    [
      { OIDC_ISSUER: 'sso.example' },
      'Invalid configuration: OIDC_ISSUER must be a URL (https: or http:) (got "sso.example")',
    ],
    [
      { RATE_LIMIT_WRITES_PER_MINUTE: '-5' },
      'Invalid configuration: RATE_LIMIT_WRITES_PER_MINUTE must be a whole number from 0 to 10000000 (got "-5")',
    ],
    [
      { HEAP_GROWING_PERCENT: '1000' },
      'Invalid configuration: HEAP_GROWING_PERCENT must be a whole number from 0 to 400 (got "1000")',
    ],
    [
      { READ_STATEMENT_TIMEOUT_MS: '10s' },
      'Invalid configuration: READ_STATEMENT_TIMEOUT_MS must be a whole number from 0 to 3600000 (got "10s")',
    ],
    [
      { OIDC_CLIENT_ID: 'console' },
      'Invalid configuration: OIDC_ISSUER is required when OIDC_CLIENT_ID is set (got "")',
    ],
    [
      { OIDC_ISSUER: 'https://sso.example.gov.cn' },
      'Invalid configuration: OIDC_CLIENT_ID is required when OIDC_ISSUER is set (got "")',
    ],
    [
      { OIDC_ISSUER: 'sso.example.gov.cn', OIDC_CLIENT_ID: 'console' },
      'Invalid configuration: OIDC_ISSUER must be a URL (https: or http:) (got "sso.example.gov.cn")',
    ],
    [
      { OIDC_ISSUER: 'https://sso.example.gov.cn', OIDC_CLIENT_ID: 'console', OIDC_SCOPE: 'profile' },
      'Invalid configuration: OIDC_SCOPE must include openid (got "profile")',
    ],
    [
      { METRICS_TOKEN: 'short secret' },
      'Invalid configuration: METRICS_TOKEN must be at least 16 printable characters without spaces (got "************")',
    ],
    [{ METRICS_PORT: '0' }, 'Invalid configuration: METRICS_PORT must be a whole number from 1 to 65535 (got "0")'],
    [
      { READY_MAX_PROJECTION_LAG_SECONDS: '-5' },
      'Invalid configuration: READY_MAX_PROJECTION_LAG_SECONDS must be a whole number of seconds (0 for no bound) (got "-5")',
    ],
    [
      { GRAPHQL_INTROSPECTION: 'maybe' },
      'Invalid configuration: GRAPHQL_INTROSPECTION must be true or false (got "maybe")',
    ],
    [
      { REQUEST_TIMEOUT_MS: '5s' },
      'Invalid configuration: REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 100 to 3600000 (got "5s")',
    ],
    [
      { DATABASE_WAIT_MS: '0' },
      'Invalid configuration: DATABASE_WAIT_MS must be a whole number of milliseconds from 100 to 3600000 (got "0")',
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts an EventStoreDB connection string and never echoes a secret', () => {
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
    });
    expect(config.eventStore).toBe('eventstoredb');
    expect(() => loadConfig({ JWT_SECRET: 'hunter2' })).not.toThrow(/hunter2/);
  });

  it('gives the console its single sign-on settings only when the issuer and the client are both set', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({ OIDC_ISSUER: 'https://sso.example.gov.cn', OIDC_CLIENT_ID: 'console' }).oidc).toEqual({
      issuer: 'https://sso.example.gov.cn',
      clientId: 'console',
      scope: 'openid profile',
      resource: undefined,
    });
  });
});
