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
  /** When set, every token's `iss` must be this. */
  readonly jwtIssuer: string | undefined;
  /** When set, every token's `aud` must name this. */
  readonly jwtAudience: string | undefined;
  /** The city's sign-on (OpenID Connect issuer URL) the web console signs in with; its origin is allowed by the CSP. */
  readonly oidcIssuer: string | undefined;
  /** Requests a client may send per minute (per actor, else per address); 0 switches the limit off. */
  readonly rateLimits: RateLimits;
  /** PostgreSQL statement_timeout of the read (query) connections, in ms; 0 switches it off. */
  readonly readStatementTimeoutMs: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly introspection: boolean;
  /** Run the projector inside the API process (the embedded default). */
  readonly projectorInProcess: boolean;
  /** On read models written by another projection version: refuse to project (default) or rebuild them. */
  readonly projectionVersionMismatch: 'upgrade' | 'refuse' | 'rebuild';
  /** Least time between two projector batches while appends keep coming, in ms (0: a batch per wake-up). */
  readonly projectorMinReadIntervalMs: number;
  /**
   * Longest time the queries trust their in-process view of the live checkpoint (kept by LISTEN) without a
   * confirmation, in ms; 0: no view, every cached answer reads the checkpoint.
   */
  /** Most GraphQL subscriptions (projectionAdvanced, cohortProgressChanged) open at once in this process. */
  readonly subscriptionsMax: number;
  readonly liveCheckpointMaxAgeMs: number;
  /** Record lapses daily at 00:30 server time. */
  readonly lapseSweep: boolean;
  /** Bearer token /metrics asks for; unset: /metrics is open (keep it off the public network). */
  readonly metricsToken: string | undefined;
  /** Where the projection worker serves /metrics (the API serves it on PORT); unset: not served. */
  readonly metricsPort: number | undefined;
  /** /health/ready fails while the read models lag the log by more than this many seconds (0: no bound). */
  readonly readyMaxProjectionLagSeconds: number;
  readonly production: boolean;
  /** The built web console served at `/` (absent: the API serves GraphQL only). */
  readonly webDir: string;
  /** The city's single sign-on for the console (authorization code + PKCE); both set or neither. */
  readonly oidc: OidcClientConfig | undefined;
  /** A GraphQL request not answered within this many ms gets 503 UNAVAILABLE; also each event-store statement's limit. */
  readonly requestTimeoutMs: number;
  /**
   * How far V8 lets the heap grow past what the last full collection kept before it collects again, in percent
   * (V8's `--heap-growing-percent`); 0 leaves V8's own factor (up to 4×, which let the API's garbage reach 250 MiB
   * under 32 query clients while 60 MiB was live).
   */
  readonly heapGrowingPercent: number;
  /** Longest wait for a pooled database connection (connecting included) before answering UNAVAILABLE. */
  readonly databaseWaitMs: number;
}

/** What the console needs to sign users in through OpenID Connect (public values: no secret). */
export interface OidcClientConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  /** Resource indicator (RFC 8707) asked for, so the provider issues a JWT access token for this API. */
  readonly resource: string | undefined;
}

/** Per-actor rate limits, each in operations per minute (0: no limit). */
export interface RateLimits {
  /** Mutations (each mutation field of a request counts once). */
  readonly writesPerMinute: number;
  /** importCertifications calls. */
  readonly importsPerMinute: number;
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
