// The batched decider path: the same load → fold → decide → append-at-version as the command
// executor, for many enterprise streams at once. One appendMany per batch (one transaction in
// PostgreSQL); when a batch cannot be written (a concurrent writer, anything else), its streams are
// written again one command at a time through the CommandExecutor, so one bad stream costs only itself.
// Idempotency: every event carries its command's id (metadata.commandId); a command whose id is already
// in the stream is a duplicate and is not decided again.
import type { AppendRequest, EventStore, NewEvent, StoredEvent } from '@cl/event-store';
import { AccessDenied, type Actor } from '@cl/platform';
import {
  type DecisionContext,
  type Decider,
  DomainError,
  enterpriseDecider,
  type EnterpriseEvent,
  type EnterpriseState,
  type EventSource,
} from '../../domain';
import type { Clock } from '../clock';
import { type CommandContext, type CommandExecutor, toEnvelope, toNewEvents, VersionConflict } from '../commands';

/** One command on one stream, decided on the stream's state at the moment it is written. */
export interface StreamUnit {
  /** Idempotency key; the events it writes carry it as metadata.commandId. */
  readonly commandId: string;
  /** The events; [] when what it asks for is already recorded (a duplicate); throws a DomainError to refuse. */
  decide(state: EnterpriseState, context: DecisionContext): EnterpriseEvent[];
  /** Throws AccessDenied when the actor may not act on this state. */
  authorize?(state: EnterpriseState): void;
  /** Why nothing was written, when there is more to say than "already recorded" (the stream's events at hand). */
  explainDuplicate?(state: EnterpriseState, events: readonly StoredEvent[]): DuplicateNote | null;
}

/** What a duplicate outcome tells beyond itself (e.g. that the grant was retracted, when and by whom). */
export interface DuplicateNote {
  readonly rule: string;
  readonly message: string;
}

/** The commands for one stream, applied in order. */
export interface StreamWork {
  readonly streamId: string;
  readonly units: readonly StreamUnit[];
}

export interface Refusal {
  readonly code: string;
  readonly rule: string;
  readonly field: string | null;
  readonly message: string;
}

export type UnitOutcome =
  | { readonly status: 'accepted'; readonly events: StoredEvent[] }
  | { readonly status: 'duplicate'; readonly note?: DuplicateNote | null }
  | ({ readonly status: 'rejected' } & Refusal);

const duplicateOf = (unit: StreamUnit, state: EnterpriseState, events: readonly StoredEvent[]): UnitOutcome => ({
  status: 'duplicate',
  note: unit.explainDuplicate?.(state, events) ?? null,
});

/** Who writes, from where: the command context without the per-command parts. */
export interface BatchContext {
  readonly actor: Actor;
  readonly source: EventSource;
  readonly correlationId: string;
}

/** A StreamUnit as the executor runs it: a decider whose command is the unit itself. */
const unitDecider: Decider<EnterpriseState, StreamUnit, EnterpriseEvent, DecisionContext> = {
  initialState: enterpriseDecider.initialState,
  evolve: enterpriseDecider.evolve,
  decide: (unit, state, context) => unit.decide(state, context),
};

/** A refusal the caller should see on its row, or undefined for a failure of the machinery. */
export function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof DomainError || error instanceof VersionConflict) {
    return { code: error.code, rule: error.rule, field: error.field, message: error.message };
  }
  if (error instanceof AccessDenied) return { code: error.code, rule: error.code, field: null, message: error.message };
  return undefined;
}

/** Batches loaded, decided or appended at once by writeAll (2 cores: one deciding, appends overlapping). */
const BATCHES_IN_FLIGHT = 3;

/** A batch decided and ready to append: a request per stream with events, and which units they came from. */
interface Prepared {
  readonly batch: readonly StreamWork[];
  readonly outcomes: (UnitOutcome | undefined)[][];
  readonly requests: AppendRequest[];
  readonly written: { w: number; units: [u: number, events: number][] }[];
}

/** Writes StreamWork in batches through the enterprise decider; see the file comment. */
export class EnterpriseBatchWriter {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly executor: CommandExecutor,
  ) {}

  /** Decides and appends one batch (all of it in one appendMany); outcomes per stream, per unit. */
  async write(batch: readonly StreamWork[], context: BatchContext): Promise<UnitOutcome[][]> {
    return this.commit(await this.prepare(batch, context), context);
  }

  /**
   * Writes batch after batch with up to BATCHES_IN_FLIGHT of them under way at once, each loaded, decided and
   * appended in its own transaction, so that deciding one overlaps appending others and the database commits
   * several at a time; `onBatch` still sees them in order. The batches must name distinct streams (a stream in
   * two batches would be decided on stale state: its append then fails and is retried one by one, which is
   * correct but slow). When one fails, no further batch starts and the call rejects once those under way are done.
   */
  async writeAll(
    batches: Iterable<readonly StreamWork[]>,
    context: BatchContext,
    onBatch: (batch: readonly StreamWork[], outcomes: UnitOutcome[][]) => void,
  ): Promise<void> {
    const iterator = batches[Symbol.iterator]();
    type Written = { batch: readonly StreamWork[]; outcomes: UnitOutcome[][] };
    const inFlight: Promise<Written>[] = [];
    let failed = false;
    const start = () => {
      if (failed) return;
      const next = iterator.next();
      if (next.done) return;
      const written = this.prepare(next.value, context).then(async (prepared) => ({
        batch: prepared.batch,
        outcomes: await this.commit(prepared, context),
      }));
      written.catch(() => (failed = true)); // awaited below, in order; this stops new batches at once
      inFlight.push(written);
    };
    for (let i = 0; i < BATCHES_IN_FLIGHT; i++) start();
    try {
      while (inFlight.length > 0) {
        const { batch, outcomes } = await inFlight.shift()!;
        start();
        onBatch(batch, outcomes);
      }
    } catch (error) {
      failed = true;
      await Promise.allSettled(inFlight); // nothing may still be writing once we report the failure
      throw error;
    }
  }

  private async prepare(batch: readonly StreamWork[], context: BatchContext): Promise<Prepared> {
    // Every stream of the batch in one read, then folded: the state and the version of its last event (-1: none).
    const streams = await this.store.readStreams(batch.map((work) => work.streamId));
    const loaded = batch.map((work) => {
      const events = streams.get(work.streamId) ?? [];
      let state = unitDecider.initialState();
      for (const stored of events) state = unitDecider.evolve(state, toEnvelope<EnterpriseEvent>(stored));
      return { state, version: events.at(-1)?.version ?? -1, events };
    });
    const today = this.clock.today();
    const outcomes: (UnitOutcome | undefined)[][] = batch.map((work) => work.units.map(() => undefined));
    const requests: AppendRequest[] = [];
    const written: { w: number; units: [u: number, events: number][] }[] = [];
    batch.forEach((work, w) => {
      let { state } = loaded[w]!;
      const { version } = loaded[w]!;
      // A command already in the stream is a duplicate: known from the events at hand, no query per command.
      const recorded = new Set(loaded[w]!.events.map((e) => e.metadata.commandId));
      const events: NewEvent[] = [];
      const units: [number, number][] = [];
      work.units.forEach((unit, u) => {
        if (recorded.has(unit.commandId)) return void (outcomes[w]![u] = duplicateOf(unit, state, loaded[w]!.events));
        let decided: EnterpriseEvent[];
        try {
          unit.authorize?.(state);
          decided = unit.decide(state, { today });
        } catch (error) {
          const refusal = refusalOf(error);
          if (!refusal) throw error;
          return void (outcomes[w]![u] = { status: 'rejected', ...refusal });
        }
        if (decided.length === 0) return void (outcomes[w]![u] = duplicateOf(unit, state, loaded[w]!.events));
        const ctx: CommandContext = { ...context, commandId: unit.commandId };
        const stamped = toNewEvents(decided, ctx, unit.commandId);
        // The next unit decides on the state these events make; after the last unit nobody reads it.
        if (u < work.units.length - 1) {
          stamped.forEach((e, i) => (state = unitDecider.evolve(state, { eventId: e.eventId, event: decided[i]! })));
        }
        events.push(...stamped);
        units.push([u, stamped.length]);
        recorded.add(unit.commandId);
      });
      if (events.length === 0) return;
      // One request per stream: each event keeps its own command id in its metadata, which is what makes a
      // second run a duplicate (above); one request instead of one per command halves the statements per event.
      requests.push({ streamId: work.streamId, events, expected: version < 0 ? 'NO_STREAM' : version });
      written.push({ w, units });
    });
    return { batch, outcomes, requests, written };
  }

  private async commit(
    { batch, outcomes, requests, written }: Prepared,
    context: BatchContext,
  ): Promise<UnitOutcome[][]> {
    if (requests.length > 0) {
      try {
        const results = await this.store.appendMany(requests);
        results.forEach((result, i) => {
          const { w, units } = written[i]!;
          let from = 0;
          for (const [u, count] of units) {
            outcomes[w]![u] = { status: 'accepted', events: result.events.slice(from, (from += count)) };
          }
        });
      } catch {
        // The batch wrote nothing: every stream that had something to write goes again on its own.
        for (const { w } of written) outcomes[w] = await this.writeOneByOne(batch[w]!, context);
      }
    }
    return outcomes.map((units) => units.map((o) => o ?? { status: 'duplicate' }));
  }

  /** Each unit through the executor: fresh state, bounded retries on a version clash, idempotent by command id. */
  private async writeOneByOne(work: StreamWork, context: BatchContext): Promise<UnitOutcome[]> {
    const outcomes: UnitOutcome[] = [];
    const events = await this.store.readStream(work.streamId);
    const recorded = new Set(events.map((e) => e.metadata.commandId));
    let state = unitDecider.initialState();
    for (const stored of events) state = unitDecider.evolve(state, toEnvelope<EnterpriseEvent>(stored));
    for (const unit of work.units) {
      if (recorded.has(unit.commandId)) {
        outcomes.push(duplicateOf(unit, state, events));
        continue;
      }
      try {
        const outcome = await this.executor.execute(
          {
            decider: unitDecider,
            streamId: work.streamId,
            command: unit,
            authorize: (s) => unit.authorize?.(s),
            commandType: 'BatchUnit',
          },
          { ...context, commandId: unit.commandId },
        );
        if (outcome.duplicate || outcome.events.length === 0) {
          outcomes.push(duplicateOf(unit, state, events));
          continue;
        }
        outcomes.push({ status: 'accepted', events: outcome.events });
        for (const e of outcome.events) state = unitDecider.evolve(state, toEnvelope<EnterpriseEvent>(e));
        events.push(...outcome.events);
      } catch (error) {
        const refusal = refusalOf(error) ?? {
          code: 'INTERNAL',
          rule: 'WRITE_FAILED',
          field: null,
          message: `not written: ${(error as Error).message}`,
        };
        outcomes.push({ status: 'rejected', ...refusal });
      }
    }
    return outcomes;
  }
}
