// EventStoreDB as the target of a copied log (copy-log): the events with their own ids, in the source's order, each
// run of one stream's events one append at the version it must follow; the command records as marker streams.
// Not verified against a server here (none is reachable from the development machines): see README.md.
import { EventStoreDBClient, NO_STREAM, START, WrongExpectedVersionError, jsonEvent } from '@eventstore/db-client';
import type { StoredEvent } from '../event-store';
import type { CommandRecord, LogTarget } from '../transfer/log-transfer';
import { commandMarkerEvent, EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';
import { RECORDED_AT_KEY } from './esdb-mapping';

const PAGE = 500;
const MARKER_CONCURRENCY = 16;

/** Consecutive events of one stream, in order. */
function runs(events: StoredEvent[]): StoredEvent[][] {
  const out: StoredEvent[][] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (last && last[0]!.streamId === e.streamId) last.push(e);
    else out.push([e]);
  }
  return out;
}

/** Copies into the EventStoreDB at `connectionString`, under the service's stream prefixes. */
export class EventStoreDbLogTarget implements LogTarget {
  readonly description: string;
  private readonly client: EventStoreDBClient;
  private readonly store: EventStoreDbEventStore;
  private readonly commandPrefix: string;

  constructor(options: EventStoreDbOptions) {
    this.description = options.connectionString.replace(/\/\/[^@/]*@/, '//***@');
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.store = new EventStoreDbEventStore(options);
    this.commandPrefix = options.commandStreamPrefix ?? 'event-store-command-';
  }

  async lastEventId(): Promise<string | null> {
    return (await this.store.lastEvent())?.id ?? null;
  }

  async writeEvents(events: StoredEvent[]): Promise<void> {
    for (const run of runs(events)) {
      const first = run[0]!;
      await this.client.appendToStream(
        first.streamId,
        run.map((e) =>
          jsonEvent({
            id: e.eventId,
            type: e.type,
            data: e.data,
            metadata: { ...e.metadata, [RECORDED_AT_KEY]: e.recordedAt.toISOString() },
          }),
        ),
        // The version it must follow: a second copy of the same events is a clash, never a duplicate.
        { expectedRevision: first.version === 0 ? NO_STREAM : BigInt(first.version - 1) },
      );
    }
  }

  async writeCommands(commands: CommandRecord[]): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < commands.length) {
        const { commandId, ...marker } = commands[next++]!;
        const { streamId, firstVersion, eventCount, nextVersion } = marker;
        try {
          await this.client.appendToStream(
            this.commandPrefix + commandId,
            commandMarkerEvent(commandId, { streamId, firstVersion, eventCount, nextVersion }),
            { expectedRevision: NO_STREAM },
          );
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError)) throw error; // recorded by an earlier run
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(MARKER_CONCURRENCY, commands.length) }, worker));
  }

  async *readEvents(): AsyncIterable<StoredEvent[]> {
    let cursor: string | null = null;
    for (;;) {
      const page = await this.store.readAll(cursor, PAGE);
      if (page.length > 0) yield page;
      if (page.length < PAGE) return;
      cursor = page[page.length - 1]!.position;
    }
  }

  async *readCommands(): AsyncIterable<CommandRecord[]> {
    let page: CommandRecord[] = [];
    for await (const resolved of this.client.readAll({ fromPosition: START })) {
      const event = resolved.event;
      if (!event || !event.streamId.startsWith(this.commandPrefix) || event.type !== 'CommandRecorded') continue;
      const data = event.data as unknown as Omit<CommandRecord, 'commandId'>;
      page.push({
        commandId: event.streamId.slice(this.commandPrefix.length),
        streamId: data.streamId,
        firstVersion: data.firstVersion,
        eventCount: data.eventCount,
        nextVersion: data.nextVersion,
      });
      if (page.length === PAGE) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.client.dispose();
  }
}
