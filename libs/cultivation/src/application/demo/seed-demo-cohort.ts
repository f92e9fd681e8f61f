import type { EventStore } from '@cl/event-store';
import type { Actor } from '@cl/platform';
import {
  type CalendarDate,
  decide,
  type EnterpriseCommand,
  type EnterpriseState,
  enterpriseStreamName,
  RuleViolation,
} from '../../domain';
import { type Clock, FixedClock, SystemClock } from '../clock';
import { CommandExecutor } from '../commands';
import { EnterpriseBatchWriter, type StreamUnit, type StreamWork } from '../import/batch-writer';
import { type DemoEnterprise, type DemoStep, demoEnterprise } from './cohort-generator';

export interface DemoCohortOptions {
  /** Same seed, same cohort (default 42). */
  readonly seed?: number;
  /** How many enterprises (default 30,000). */
  readonly enterprises?: number;
  /** The last day of the history; default the clock's today. */
  readonly today?: string;
  /** Streams per appendMany transaction (default 500). */
  readonly batchStreams?: number;
  readonly clock?: Clock;
}

export interface DemoProgress {
  readonly enterprises: number;
  readonly total: number;
  readonly events: number;
}

export interface DemoCohortResult extends DemoProgress {
  /** Commands that wrote events. */
  readonly commands: number;
  /** Commands already recorded (by an earlier run of the same seed). */
  readonly alreadyRecorded: number;
  /** Commands that decided nothing to write: almost all lapse sweeps as of a day on which nothing lapsed. */
  readonly nothingToWrite: number;
  /** Commands the decider refused: none is expected; the first few are kept to tell why. */
  readonly rejected: number;
  readonly rejections: string[];
  readonly durationMs: number;
}

const ACTOR: Actor = { sub: 'demo-generator', roles: ['MUNICIPAL_OFFICIAL'] };

function commandUnit(commandId: string, command: EnterpriseCommand): StreamUnit {
  return {
    commandId,
    operation: command.type,
    input: command.data,
    decide: (state, context) => decide(command, state, context),
  };
}

/** Retracts the latest live grant of the tier (the event id is only known once it is recorded). */
function retractionUnit(commandId: string, tier: string, reason: string): StreamUnit {
  return {
    commandId,
    operation: 'RetractCertification',
    input: { tier, reason },
    decide: (state: EnterpriseState, context) => {
      const grant =
        state.status === 'UNREGISTERED' ? undefined : state.grants.findLast((g) => g.tier === tier && !g.retracted);
      if (!grant) throw new RuleViolation('RETRACTION_TARGET_NOT_FOUND', 'eventId', `no ${tier} grant to retract`);
      return decide(
        { type: 'RetractCertification', data: { tier: grant.tier, eventId: grant.eventId, reason } },
        state,
        context,
      );
    },
  };
}

/** The enterprise's commands, with the lapse sweep run as of each new date (as the daily sweep would have). */
export function demoUnits(seed: number, enterprise: DemoEnterprise, today: CalendarDate): StreamUnit[] {
  const id = (what: string) => `demo-${seed}-${enterprise.creditCode}-${what}`;
  const { creditCode, name, district, industryCode } = enterprise;
  const units = [
    commandUnit(id('register'), { type: 'RegisterEnterprise', data: { creditCode, name, district, industryCode } }),
  ];
  let swept = '';
  const sweep = (asOf: CalendarDate) => {
    if (asOf <= swept) return;
    swept = asOf;
    units.push(commandUnit(id(`lapses-${asOf}`), { type: 'RecordLapses', data: { asOf } }));
  };
  enterprise.steps.forEach((step: DemoStep, i) => {
    sweep(step.on);
    units.push(
      'retract' in step
        ? retractionUnit(id(`${i}-retract-${step.retract.tier}`), step.retract.tier, step.retract.reason)
        : commandUnit(id(`${i}-${step.command.type}-${step.on}`), step.command),
    );
  });
  sweep(today);
  return units;
}

/**
 * Writes a deterministic synthetic cohort through the batched decider path (source SYSTEM). Command
 * ids derive from the seed and the step, so running it again writes nothing new.
 */
export async function seedDemoCohort(
  store: EventStore,
  options: DemoCohortOptions = {},
  onProgress?: (progress: DemoProgress) => void,
): Promise<DemoCohortResult> {
  const started = performance.now();
  const seed = options.seed ?? 42;
  const total = options.enterprises ?? 30_000;
  const clock =
    options.clock ?? (options.today ? new FixedClock(new Date(`${options.today}T04:00:00Z`)) : new SystemClock());
  const today = clock.today();
  const writer = new EnterpriseBatchWriter(store, clock, new CommandExecutor(store, clock));
  const context = { actor: ACTOR, source: 'SYSTEM' as const, correlationId: `demo-${seed}` };
  const size = options.batchStreams ?? 500;
  const tally = {
    enterprises: 0,
    total,
    events: 0,
    commands: 0,
    alreadyRecorded: 0,
    nothingToWrite: 0,
    rejected: 0,
    rejections: [] as string[],
  };
  const batches = function* () {
    for (let start = 0; start < total; start += size) {
      const batch: StreamWork[] = [];
      for (let i = start; i < Math.min(total, start + size); i++) {
        const enterprise = demoEnterprise(seed, i, today);
        batch.push({
          streamId: enterpriseStreamName(enterprise.creditCode),
          units: demoUnits(seed, enterprise, today),
        });
      }
      yield batch;
    }
  };
  await writer.writeAll(batches(), context, (batch, outcomes) => {
    outcomes.forEach((units, w) =>
      units.forEach((outcome, u) => {
        if (outcome.status === 'accepted') {
          tally.commands++;
          tally.events += outcome.events.length;
        } else if (outcome.status === 'duplicate') {
          if (outcome.nothingToWrite) tally.nothingToWrite++;
          else tally.alreadyRecorded++;
        } else {
          tally.rejected++;
          if (tally.rejections.length < 10) {
            tally.rejections.push(
              `${batch[w]!.streamId} ${batch[w]!.units[u]!.commandId}: ${outcome.rule} ${outcome.message}`,
            );
          }
        }
      }),
    );
    tally.enterprises += batch.length;
    onProgress?.({ enterprises: tally.enterprises, total, events: tally.events });
  });
  return { ...tally, durationMs: Math.round(performance.now() - started) };
}
