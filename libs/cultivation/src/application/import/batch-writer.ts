// The batched decider path: the same load → fold → decide → append-at-version as the command
// executor, for many enterprise streams at once. One appendMany per batch (one transaction in
// PostgreSQL); when a batch cannot be written (a concurrent writer, anything else), its streams are
// written again one command at a time through the CommandExecutor, so one bad stream costs only itself.
// Idempotency: every unit is appended as its own request with its command id, so the store records the id exactly
// as it does for a mutation (one record for both paths); its events carry the id and the command's fingerprint.
// A unit whose id is recorded is a duplicate when the first events came from the same command (idempotency.ts,
// the same check the command executor makes) and is refused IDEMPOTENCY_KEY_REUSED otherwise.
import type { AppendRequest, EventStore, StoredEvent } from '@cl/event-store';
import { AccessDenied, type Actor } from '@cl/platform';
import { Refusal as CodedRefusal, type RuleName } from '@cl/refusals';
import {
  type DecisionContext,
  type Decider,
  enterpriseDecider,
  type EnterpriseEvent,
  type EnterpriseState,
  type EventSource,
} from '../../domain';
import type { Clock } from '../clock';
import {
  type CommandContext,
  type CommandExecutor,
  commandFingerprint,
  IdempotencyKeyReused,
  sameCommand,
  foldStored,
  toEnvelope,
  toNewEvents,
} from '../commands';

/** One command on one stream, decided on the stream's state at the moment it is written. */
export interface StreamUnit {
  /** Idempotency key; the store records it, the events it writes carry it as metadata.commandId. */
  readonly commandId: string;
  /** What the key stands for (with the actor and stream): the operation's name and its input. */
  readonly operation: string;
  readonly input: unknown;
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
  readonly rule: RuleName;
  readonly field: string | null;
  readonly message: string;
}

export type UnitOutcome =
  | { readonly status: 'accepted'; readonly events: StoredEvent[] }
  | {
      readonly status: 'duplicate';
      readonly note?: DuplicateNote | null;
      /** The command decided nothing to write (not recorded before): a sweep with no lapse, say. */
      readonly nothingToWrite?: boolean;
    }
  | ({ readonly status: 'rejected' } & Refusal);

const duplicateOf = (
  unit: StreamUnit,
  state: EnterpriseState,
  events: readonly StoredEvent[],
  nothingToWrite = false,
): UnitOutcome => ({
  status: 'duplicate',
  note: unit.explainDuplicate?.(state, events) ?? null,
  ...(nothingToWrite ? { nothingToWrite } : {}),
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
  evolveOwned: enterpriseDecider.evolveOwned,
  decide: (unit, state, context) => unit.decide(state, context),
};

/** A refusal the caller should see on its row, or undefined for a failure of the machinery. */
export function refusalOf(error: unknown): Refusal | undefined {
  if (!(error instanceof CodedRefusal)) return undefined;
  // an access refusal is about the caller, not a column of the row
  const field = error instanceof AccessDenied ? null : error.field;
  return { code: error.code, rule: error.rule, field, message: error.message };
}

/** Batches loaded, decided or appended at once by writeAll (2 cores: one deciding, appends overlapping). */
const BATCHES_IN_FLIGHT = 3;

/** A batch decided and ready to append: a request per unit with events, and which stream and unit it came from. */
interface Prepared {
  readonly batch: readonly StreamWork[];
  readonly outcomes: (UnitOutcome | undefined)[][];
  readonly requests: AppendRequest[];
  readonly written: { w: number; u: number; fingerprint: string }[];
}

type Recorded = Pick<StoredEvent, 'metadata'>;

/** A unit whose command id is already recorded: a duplicate of the same command, else a reused key. */
function recordedOutcome(unit: StreamUnit, first: readonly Recorded[], fingerprint: string, sub: string) {
  if (sameCommand(first, fingerprint, sub)) return { status: 'duplicate' } as const;
  return { status: 'rejected', ...refusalOf(new IdempotencyKeyReused(unit.commandId))! } as const;
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
      return { state: foldStored(unitDecider, events), version: events.at(-1)?.version ?? -1, events };
    });
    const today = this.clock.today();
    const outcomes: (UnitOutcome | undefined)[][] = batch.map((work) => work.units.map(() => undefined));
    const requests: AppendRequest[] = [];
    const written: Prepared['written'] = [];
    const sub = context.actor.sub;
    batch.forEach((work, w) => {
      let { state, version } = loaded[w]!;
      // A command already in the stream is known from the events at hand, without a query per command.
      const recorded = new Map<unknown, Recorded>();
      for (const e of loaded[w]!.events) if (!recorded.has(e.metadata.commandId)) recorded.set(e.metadata.commandId, e);
      work.units.forEach((unit, u) => {
        const fingerprint = commandFingerprint(sub, unit.operation, work.streamId, unit.input);
        const first = recorded.get(unit.commandId);
        if (first) {
          const outcome = recordedOutcome(unit, [first], fingerprint, sub);
          return void (outcomes[w]![u] =
            outcome.status === 'duplicate' ? duplicateOf(unit, state, loaded[w]!.events) : outcome);
        }
        let decided: EnterpriseEvent[];
        try {
          unit.authorize?.(state);
          decided = unit.decide(state, { today });
        } catch (error) {
          const refusal = refusalOf(error);
          if (!refusal) throw error;
          return void (outcomes[w]![u] = { status: 'rejected', ...refusal });
        }
        if (decided.length === 0) return void (outcomes[w]![u] = duplicateOf(unit, state, loaded[w]!.events, true));
        const ctx: CommandContext = { ...context, commandId: unit.commandId };
        const stamped = toNewEvents(decided, ctx, unit.commandId, fingerprint);
        // The next unit decides on the state these events make; after the last unit nobody reads it.
        if (u < work.units.length - 1) {
          stamped.forEach((e, i) => (state = unitDecider.evolve(state, { eventId: e.eventId, event: decided[i]! })));
        }
        // A request per unit, so the store records each command id; a later request on the stream starts where
        // the one before it ends.
        requests.push({
          streamId: work.streamId,
          events: stamped,
          expected: version < 0 ? 'NO_STREAM' : version,
          commandId: unit.commandId,
        });
        version += stamped.length;
        written.push({ w, u, fingerprint });
        recorded.set(unit.commandId, stamped[0]!);
      });
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
          const { w, u, fingerprint } = written[i]!;
          const unit = batch[w]!.units[u]!;
          // duplicate: the id was recorded meanwhile or on another stream (the store's record, as for a mutation)
          outcomes[w]![u] = result.duplicate
            ? recordedOutcome(unit, result.events, fingerprint, context.actor.sub)
            : { status: 'accepted', events: result.events };
        });
      } catch {
        // The batch wrote nothing: every stream that had something to write goes again on its own.
        for (const w of new Set(written.map((x) => x.w))) outcomes[w] = await this.writeOneByOne(batch[w]!, context);
      }
    }
    return outcomes.map((units) => units.map((o) => o ?? { status: 'duplicate' }));
  }

  /** Each unit through the executor: fresh state, bounded retries on a version clash, idempotent by command id. */
  private async writeOneByOne(work: StreamWork, context: BatchContext): Promise<UnitOutcome[]> {
    const outcomes: UnitOutcome[] = [];
    // The stream as it stands, to explain duplicates; the executor checks each unit's command id itself.
    const events = await this.store.readStream(work.streamId);
    let state = foldStored(unitDecider, events);
    for (const unit of work.units) {
      try {
        const outcome = await this.executor.execute(
          {
            decider: unitDecider,
            streamId: work.streamId,
            command: unit,
            operation: unit.operation,
            input: unit.input,
            authorize: (s) => unit.authorize?.(s),
            commandType: 'BatchUnit',
          },
          { ...context, commandId: unit.commandId },
        );
        if (outcome.duplicate || outcome.events.length === 0) {
          outcomes.push(duplicateOf(unit, state, events, !outcome.duplicate));
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
