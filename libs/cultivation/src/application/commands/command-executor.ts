import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { type EventStore, type NewEvent, newEventId, type StoredEvent, WrongExpectedVersion } from '@cl/event-store';
import { AccessDenied, type CommandOutcomeLabel, METRICS, type MetricsRecorder, NO_METRICS } from '@cl/platform';
import {
  DomainError,
  schemaVersionOf,
  type DecisionContext,
  type Decider,
  type EventMetadata,
  type StoredEventType,
} from '../../domain';
import { Clock } from '../clock';
import { EVENT_STORE } from '../tokens';
import type { CommandContext } from './command-context';
import { VersionConflict } from './command-context';
import { loadStream } from './stream-reader';
import { assertSameCommand, commandFingerprint, IdempotencyKeyReused } from './idempotency';

/** What a command did: the state after it, the events it wrote (or first wrote), the last position. */
export interface CommandOutcome<S> {
  readonly state: S;
  readonly version: number;
  readonly events: StoredEvent[];
  readonly position: string | null;
  /** True when the command id had been seen: nothing was written this time. */
  readonly duplicate: boolean;
}

export interface CommandSpec<S, C, E> {
  readonly decider: Decider<S, C, E, DecisionContext>;
  readonly streamId: string;
  readonly command: C;
  /** What the command id stands for besides the actor and stream: the operation's name and its input as given. */
  readonly operation: string;
  readonly input: unknown;
  /** Refuses (throws) when the actor may not act on this state; runs on every attempt. */
  readonly authorize?: (state: S) => void;
  /** The command's type in the metrics (default: the command's `type`). */
  readonly commandType?: string;
}

/** How a command that threw ended, for the metrics: refusals by rule, version clashes, failures. */
function failureOutcome(error: unknown): { outcome: CommandOutcomeLabel; rule?: string } {
  if (error instanceof VersionConflict || error instanceof IdempotencyKeyReused) {
    return { outcome: 'conflict', rule: error.rule };
  }
  if (error instanceof DomainError) return { outcome: 'refused', rule: error.rule };
  if (error instanceof AccessDenied) return { outcome: 'refused', rule: error.code };
  return { outcome: 'failed' };
}

const MAX_ATTEMPTS = 5;

/** The metadata DOMAIN.md requires on every event, for one event of a command. */
export function buildMetadata(
  eventId: string,
  type: string,
  ctx: CommandContext,
  commandId: string,
  fingerprint?: string,
): EventMetadata {
  return {
    eventId,
    actor: ctx.actor,
    commandId,
    ...(fingerprint === undefined ? {} : { commandFingerprint: fingerprint }),
    correlationId: ctx.correlationId,
    causationId: ctx.causationId ?? commandId,
    source: ctx.source,
    schemaVersion: schemaVersionOf(type as StoredEventType),
  };
}

/** Decided events as the store appends them: a fresh (time-ordered, see newEventId) event id and the command's metadata each. */
export function toNewEvents(
  decided: readonly { type: string; data: object }[],
  ctx: CommandContext,
  commandId: string,
  fingerprint?: string,
): NewEvent[] {
  return decided.map((event) => {
    const eventId = newEventId();
    const metadata = buildMetadata(eventId, event.type, ctx, commandId, fingerprint);
    return { eventId, type: event.type, data: event.data as Record<string, unknown>, metadata: { ...metadata } };
  });
}

/**
 * Load → fold → decide → append at the loaded version. A concurrent writer makes the append fail;
 * the decision is then made again on fresh state, a bounded number of times, before a CONFLICT.
 */
@Injectable()
export class CommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    @Optional() @Inject(METRICS) private readonly metrics: MetricsRecorder = NO_METRICS,
  ) {}

  async execute<S, C, E extends { type: string; data: object }>(
    spec: CommandSpec<S, C, E>,
    ctx: CommandContext,
  ): Promise<CommandOutcome<S>> {
    const type = spec.commandType ?? (spec.command as { type?: string }).type ?? 'other';
    try {
      const outcome = await this.decideAndAppend(spec, ctx);
      const label = outcome.duplicate ? 'duplicate' : outcome.events.length === 0 ? 'unchanged' : 'accepted';
      this.metrics.command(type, label);
      return outcome;
    } catch (error) {
      const { outcome, rule } = failureOutcome(error);
      this.metrics.command(type, outcome, rule);
      throw error;
    }
  }

  private async decideAndAppend<S, C, E extends { type: string; data: object }>(
    spec: CommandSpec<S, C, E>,
    ctx: CommandContext,
  ): Promise<CommandOutcome<S>> {
    // A command id the caller chose is theirs for this one command: the first result again, or IDEMPOTENCY_KEY_REUSED.
    const fingerprint = ctx.commandId
      ? commandFingerprint(ctx.actor.sub, spec.operation, spec.streamId, spec.input)
      : undefined;
    const replay = (commandId: string, first: StoredEvent[]) => {
      assertSameCommand(first, commandId, fingerprint!, ctx.actor.sub);
      return this.replay(spec, first);
    };
    if (ctx.commandId) {
      const first = await this.store.findCommand(ctx.commandId);
      if (first) return replay(ctx.commandId, first.events);
    }
    for (let attempt = 1; ; attempt++) {
      const { state, version } = await loadStream(this.store, spec.streamId, spec.decider);
      if (ctx.expectedVersion != null && ctx.expectedVersion !== version) {
        throw new VersionConflict(
          'expectedVersion',
          `The enterprise is at version ${version}, not ${ctx.expectedVersion}: reload and try again`,
        );
      }
      let decided: readonly E[];
      try {
        spec.authorize?.(state);
        decided = spec.decider.decide(spec.command, state, { today: this.clock.today() });
      } catch (error) {
        // The same command may have been recorded between the look-up above and this read (sent twice at once):
        // its first result, not a refusal of the state it left (e.g. RENEWAL_NOT_DUE).
        const first = ctx.commandId ? await this.store.findCommand(ctx.commandId) : null;
        if (first && ctx.commandId) return replay(ctx.commandId, first.events);
        throw error;
      }
      if (decided.length === 0) return { state, version, events: [], position: null, duplicate: false };
      const commandId = ctx.commandId ?? randomUUID();
      const events = toNewEvents(decided, ctx, commandId, fingerprint);
      try {
        const result = await this.store.append({
          streamId: spec.streamId,
          events,
          expected: version < 0 ? 'NO_STREAM' : version,
          commandId,
        });
        if (result.duplicate) return replay(commandId, result.events);
        let after = state;
        for (const stored of result.events)
          after = spec.decider.evolve(after, {
            eventId: stored.eventId,
            event: { type: stored.type, data: stored.data } as unknown as E,
          });
        return {
          state: after,
          version: result.nextVersion,
          events: result.events,
          position: result.position,
          duplicate: false,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion)) throw error;
        // The same command may have won the race: its first result, not a re-decision (which could refuse it, e.g. RENEWAL_NOT_DUE).
        const first = ctx.commandId ? await this.store.findCommand(ctx.commandId) : null;
        if (first && ctx.commandId) return replay(ctx.commandId, first.events);
        if (ctx.expectedVersion != null) {
          throw new VersionConflict(
            'expectedVersion',
            `The enterprise changed while this command ran (expected version ${ctx.expectedVersion})`,
          );
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new VersionConflict(
            'creditCode',
            `The enterprise kept changing; gave up after ${attempt} attempts: try again`,
          );
        }
        this.metrics.appendRetry('version_clash');
      }
    }
  }

  /** A repeated command id: the stream's state now and the events the first command wrote. */
  private async replay<S, C, E>(spec: CommandSpec<S, C, E>, first: StoredEvent[]): Promise<CommandOutcome<S>> {
    const { state, version } = await loadStream(this.store, spec.streamId, spec.decider);
    return { state, version, events: first, position: first.at(-1)?.position ?? null, duplicate: true };
  }
}
