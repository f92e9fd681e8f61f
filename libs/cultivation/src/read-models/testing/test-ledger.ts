// Test support: writes valid events the way the write side will: fold the stream, `decide` with a
// fixed today, append with the expected version.
import { randomUUID } from 'node:crypto';
import type { EventStore, StoredEvent } from '@cl/event-store';
import {
  creditCodeCheckCharacter,
  decide,
  decideTargets,
  enterpriseStreamName,
  fold,
  TARGETS_STREAM,
  type CalendarDate,
  type EnterpriseCommand,
  type EnterpriseEvent,
  type SetTarget,
} from '../../domain';

/** A valid credit code numbered `n` (check character computed). */
export function creditCode(n: number): string {
  const first17 = `91120000${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export class TestLedger {
  constructor(private readonly store: EventStore) {}

  /** Decides `command` for the enterprise on `today` and appends the events; returns them as stored. */
  async run(code: string, today: string, command: EnterpriseCommand): Promise<StoredEvent[]> {
    const streamId = enterpriseStreamName(code);
    const stored = await this.store.readStream(streamId);
    const state = fold(
      stored.map((e) => ({ eventId: e.eventId, event: { type: e.type, data: e.data } as EnterpriseEvent })),
    );
    const events = decide(command, state, { today: today as CalendarDate });
    return this.append(streamId, stored.length, events);
  }

  /** Appends events as given, not decided now: a history an earlier decider recorded (e.g. stacked renewals). */
  async record(code: string, events: EnterpriseEvent[]): Promise<StoredEvent[]> {
    const streamId = enterpriseStreamName(code);
    return this.append(streamId, (await this.store.readStream(streamId)).length, events);
  }

  /** Sets a target through the targets decider. */
  async setTarget(today: string, data: SetTarget['data']): Promise<StoredEvent[]> {
    const version = (await this.store.streamVersion(TARGETS_STREAM)) ?? -1;
    const events = decideTargets({ type: 'SetTarget', data }, { targets: [] }, { today: today as CalendarDate });
    return this.append(TARGETS_STREAM, version + 1, events);
  }

  private async append(
    streamId: string,
    length: number,
    events: { type: string; data: object }[],
  ): Promise<StoredEvent[]> {
    const result = await this.store.append({
      streamId,
      expected: length === 0 ? 'NO_STREAM' : length - 1,
      events: events.map((e) => ({
        eventId: randomUUID(),
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: { schemaVersion: 1, source: 'SYSTEM', actor: { sub: 'test', roles: [] } },
      })),
    });
    return result.events;
  }
}
