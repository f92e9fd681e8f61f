/** The service's whole configuration, read once from the environment and validated. */
export interface AppConfig {
  readonly port: number;
  /** Unset: an embedded PostgreSQL is started in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Port of the embedded PostgreSQL (only used without DATABASE_URL). */
  readonly embeddedPostgresPort: number;
  /** Restarts of a dead embedded PostgreSQL before the service gives up and exits non-zero. */
  readonly embeddedPostgresRestarts: number;
  readonly eventStore: 'postgres' | 'eventstoredb';
  readonly eventStoreConnectionString: string | undefined;
  /** Unset in the embedded default: a secret is generated once into `dataDir`. */
  readonly jwtSecret: string | undefined;
  /** An OIDC provider's JWKS URL: RS256 tokens from the city's single sign-on. */
  readonly jwtJwksUrl: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly introspection: boolean;
  /** Run the projector inside the API process (the embedded default). */
  readonly projectorInProcess: boolean;
  /** Record lapses daily at 00:30 server time. */
  readonly lapseSweep: boolean;
  /** Bearer token /metrics asks for; unset: /metrics is open (keep it off the public network). */
  readonly metricsToken: string | undefined;
  /** Where the projection worker serves /metrics (the API serves it on PORT); unset: not served. */
  readonly metricsPort: number | undefined;
  /** /health/ready fails while the read models lag the log by more than this many seconds (0: no bound). */
  readonly readyMaxProjectionLagSeconds: number;
  readonly production: boolean;
  /** A GraphQL request not answered within this many ms gets 503 UNAVAILABLE; also each statement's limit. */
  readonly requestTimeoutMs: number;
  /** Longest wait for a pooled database connection (connecting included) before answering UNAVAILABLE. */
  readonly databaseWaitMs: number;
}

/** A configuration value that cannot be used; its message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    rule: string,
    value: string,
  ) {
    super(`Invalid configuration: ${variable} ${rule} (got ${JSON.stringify(value)})`);
    this.name = 'ConfigError';
  }
}
