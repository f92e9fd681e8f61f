// Digests that say two logs are the same: the events in order (ids, streams, versions, types, data, metadata,
// recording times) and the command records as a set. JSON is compared canonically (keys sorted), since PostgreSQL's
// jsonb and EventStoreDB keep object keys in different orders.
import { createHash } from 'node:crypto';
import type { StoredEvent } from '../event-store';
import type { CommandRecord } from './log-transfer';

/** JSON text with every object's keys sorted: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a log comparison reports of one side. */
export interface LogSummary {
  events: number;
  firstEventId: string | null;
  lastEventId: string | null;
  /** SHA-256 over the events in order. */
  eventsDigest: string;
  commands: number;
  /** Sum of the records' SHA-256 modulo 2^256: the same for the same set in any order. */
  commandsDigest: string;
}

const MOD = 1n << 256n;

/** Builds a LogSummary from events fed in order and command records fed in any order. */
export class LogDigest {
  private readonly events = createHash('sha256');
  private eventCount = 0;
  private first: string | null = null;
  private last: string | null = null;
  private commandSum = 0n;
  private commandCount = 0;

  addEvents(batch: StoredEvent[]): void {
    for (const e of batch) {
      const line = [e.eventId, e.streamId, e.version, e.type, e.recordedAt.getTime()];
      this.events.update(`${JSON.stringify(line)}${canonicalJson(e.data)}${canonicalJson(e.metadata)}\n`);
      this.first ??= e.eventId;
      this.last = e.eventId;
      this.eventCount++;
    }
  }

  addCommands(batch: CommandRecord[]): void {
    for (const c of batch) {
      const hash = createHash('sha256')
        .update(JSON.stringify([c.commandId, c.streamId, c.firstVersion, c.eventCount, c.nextVersion]))
        .digest('hex');
      this.commandSum = (this.commandSum + BigInt(`0x${hash}`)) % MOD;
      this.commandCount++;
    }
  }

  summary(): LogSummary {
    return {
      events: this.eventCount,
      firstEventId: this.first,
      lastEventId: this.last,
      eventsDigest: this.events.copy().digest('hex'),
      commands: this.commandCount,
      commandsDigest: this.commandSum.toString(16).padStart(64, '0'),
    };
  }
}

/** The differences between two summaries, in words ([] when they agree). */
export function summaryDifferences(source: LogSummary, target: LogSummary): string[] {
  const out: string[] = [];
  if (source.events !== target.events) out.push(`events: source ${source.events}, target ${target.events}`);
  if (source.firstEventId !== target.firstEventId || source.lastEventId !== target.lastEventId) {
    out.push(
      `first/last event: source ${source.firstEventId}…${source.lastEventId}, target ${target.firstEventId}…${target.lastEventId}`,
    );
  }
  if (source.eventsDigest !== target.eventsDigest) out.push('events digest differs (ids, order, data or metadata)');
  if (source.commands !== target.commands)
    out.push(`command records: source ${source.commands}, target ${target.commands}`);
  else if (source.commandsDigest !== target.commandsDigest) out.push('command records digest differs');
  return out;
}
