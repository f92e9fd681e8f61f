// The service's Prometheus metrics: one registry per application instance (tests run several in one
// process), every metric defined here with its labels, and every label value bounded (operation names
// are capped, codes and routes come from closed sets; no credit code, name or token is ever a label).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How a command ended. `refused`: a rule, the input or a permission said no (see `rule`); `conflict`: the stream's version. */
export type CommandOutcomeLabel = 'accepted' | 'duplicate' | 'unchanged' | 'refused' | 'conflict' | 'failed';
/** How an append ended. `version_clash`: the stream was not at the expected version. */
export type AppendOutcomeLabel = 'ok' | 'version_clash' | 'error';
export type ImportRowOutcomeLabel = 'accepted' | 'duplicate' | 'rejected';

/** Connections of a `pg` Pool (its totalCount, idleCount and waitingCount). */
export interface PoolUsage {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

/**
 * What the libraries record through (injected as METRICS; NO_METRICS where nothing is scraped, e.g. the CLI).
 * Gauges that describe shared state (projection lag, rebuild, pools) are set by samplers run at each scrape.
 */
export interface MetricsRecorder {
  command(type: string, outcome: CommandOutcomeLabel, rule?: string): void;
  append(seconds: number, outcome: AppendOutcomeLabel, streams: number): void;
  /** An append or a decision made again after a concurrent writer won (`reason`: which layer retried). */
  appendRetry(reason: 'version_clash' | 'race'): void;
  projectorBatch(events: number, seconds: number): void;
  importRows(outcome: ImportRowOutcomeLabel, count: number): void;
  projectionLag(lag: { events: number; seconds: number } | null): void;
  rebuild(progress: { running: boolean; remainingEvents: number }): void;
  pool(name: string, usage: PoolUsage): void;
  /** Runs `sampler` before each scrape; a sampler that fails is logged by the caller of render(), not fatal. */
  onScrape(sampler: () => Promise<void>): void;
}

/** Records nothing. */
export const NO_METRICS: MetricsRecorder = {
  command: () => undefined,
  append: () => undefined,
  appendRetry: () => undefined,
  projectorBatch: () => undefined,
  importRows: () => undefined,
  projectionLag: () => undefined,
  rebuild: () => undefined,
  pool: () => undefined,
  onScrape: () => undefined,
};

/** Distinct GraphQL operation names kept as label values; later new names count as `other`. */
export const MAX_OPERATION_NAMES = 100;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const CODE = /^[A-Z][A-Z_]{0,39}$/;
const WORD = /^[A-Za-z][A-Za-z_]{0,47}$/;
/** Paths the service serves; any other path is labelled `other`. */
const ROUTES = new Set(['/graphql', '/health', '/health/live', '/health/ready', '/metrics', '/']);

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const bounded = (value: string | undefined, pattern: RegExp, fallback: string) =>
  value !== undefined && pattern.test(value) ? value : fallback;

/** The registry and every metric of one application. */
export class Metrics implements MetricsRecorder {
  readonly registry = new Registry();
  private readonly samplers: (() => Promise<void>)[] = [];
  private readonly operationNames = new Set<string>();

  private readonly http = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly graphql = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations by operation name, type and outcome code (OK, or the first error extensions.code)',
    labelNames: ['operation', 'type', 'code'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands decided, by command type and outcome; refusals by rule',
    labelNames: ['command', 'outcome', 'rule'],
    registers: [this.registry],
  });
  private readonly appends = new Histogram({
    name: 'ledger_event_store_append_duration_seconds',
    help: 'Event-store appends (one call, any number of streams) by outcome',
    labelNames: ['outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly appendedStreams = new Counter({
    name: 'ledger_event_store_appended_streams_total',
    help: 'Streams written by successful appends',
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'ledger_event_store_append_retries_total',
    help: 'Appends tried again: version_clash = a command decided again on fresh state, race = the adapter re-ran its statement',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  private readonly batchEvents = new Histogram({
    name: 'ledger_projector_batch_events',
    help: 'Events per projector batch (one transaction)',
    buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers: [this.registry],
  });
  private readonly batchSeconds = new Histogram({
    name: 'ledger_projector_batch_duration_seconds',
    help: 'Time to apply one projector batch and its checkpoint',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly lagEvents = new Gauge({
    name: 'ledger_projection_lag_events',
    help: 'Events in the log the read models have not applied yet (counted up to 10,000)',
    registers: [this.registry],
  });
  private readonly lagSeconds = new Gauge({
    name: 'ledger_projection_lag_seconds',
    help: 'Age of the oldest event the read models have not applied yet (0 when caught up)',
    registers: [this.registry],
  });
  private readonly rebuildRunning = new Gauge({
    name: 'ledger_rebuild_running',
    help: '1 while a read-model rebuild runs (in any process)',
    registers: [this.registry],
  });
  private readonly rebuildRemaining = new Gauge({
    name: 'ledger_rebuild_remaining_events',
    help: 'Events the running rebuild has still to replay before it swaps (counted up to 1,000,000; 0 when none runs)',
    registers: [this.registry],
  });
  private readonly importRowsTotal = new Counter({
    name: 'ledger_import_rows_total',
    help: 'Rows of imported files, by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly poolClients = new Gauge({
    name: 'ledger_db_pool_clients',
    help: 'Connections of a database pool: total (open), idle, waiting (callers queued for one)',
    labelNames: ['pool', 'state'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Counters a dashboard takes rates of are shown at 0 from the start, not only after their first event.
    for (const reason of ['version_clash', 'race'] as const) this.retries.inc({ reason }, 0);
    for (const outcome of ['accepted', 'duplicate', 'rejected'] as const) this.importRowsTotal.inc({ outcome }, 0);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition: samplers first, each on its own (a failed one is passed to `onError`). */
  async render(onError: (error: unknown) => void = () => undefined): Promise<string> {
    await Promise.all(this.samplers.map((sample) => sample().catch(onError)));
    return this.registry.metrics();
  }

  httpRequest(method: string, path: string, statusCode: number, seconds: number): void {
    const route = ROUTES.has(path) ? path : 'other';
    this.http.observe({ method: bounded(method, /^[A-Z]{1,10}$/, 'OTHER'), route, status_code: statusCode }, seconds);
  }

  graphqlOperation(name: string | null | undefined, type: string | undefined, code: string, seconds: number): void {
    this.graphql.observe(
      {
        operation: this.operationLabel(name),
        type: bounded(type, /^(query|mutation|subscription)$/, 'unknown'),
        code: bounded(code, CODE, 'OTHER'),
      },
      seconds,
    );
  }

  /** Anonymous operations are `anonymous`; after MAX_OPERATION_NAMES distinct names, new ones are `other`. */
  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  command(type: string, outcome: CommandOutcomeLabel, rule?: string): void {
    this.commands.inc({
      command: bounded(type, WORD, 'other'),
      outcome,
      rule: rule ? bounded(rule, CODE, 'OTHER') : '',
    });
  }

  append(seconds: number, outcome: AppendOutcomeLabel, streams: number): void {
    this.appends.observe({ outcome }, seconds);
    if (outcome === 'ok') this.appendedStreams.inc(streams);
  }

  appendRetry(reason: 'version_clash' | 'race'): void {
    this.retries.inc({ reason });
  }

  projectorBatch(events: number, seconds: number): void {
    this.batchEvents.observe(events);
    this.batchSeconds.observe(seconds);
  }

  importRows(outcome: ImportRowOutcomeLabel, count: number): void {
    this.importRowsTotal.inc({ outcome }, count);
  }

  projectionLag(lag: { events: number; seconds: number } | null): void {
    if (lag === null) {
      this.lagEvents.reset();
      this.lagSeconds.reset();
      return;
    }
    this.lagEvents.set(lag.events);
    this.lagSeconds.set(lag.seconds);
  }

  rebuild({ running, remainingEvents }: { running: boolean; remainingEvents: number }): void {
    this.rebuildRunning.set(running ? 1 : 0);
    this.rebuildRemaining.set(running ? remainingEvents : 0);
  }

  pool(name: string, usage: PoolUsage): void {
    const pool = bounded(name, WORD, 'other');
    this.poolClients.set({ pool, state: 'total' }, usage.total);
    this.poolClients.set({ pool, state: 'idle' }, usage.idle);
    this.poolClients.set({ pool, state: 'waiting' }, usage.waiting);
  }

  onScrape(sampler: () => Promise<void>): void {
    this.samplers.push(sampler);
  }
}
