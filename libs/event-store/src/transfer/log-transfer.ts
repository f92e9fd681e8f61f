// What moving a log between stores deals in: events exactly as recorded and the stores' idempotency records.
import type { StoredEvent } from '../event-store';

/** A recorded command id and the first result it stands for (PostgreSQL `event_commands`, EventStoreDB markers). */
export interface CommandRecord {
  commandId: string;
  streamId: string;
  firstVersion: number;
  eventCount: number;
  nextVersion: number;
}

/**
 * A store that takes a copied log: events with their own ids, versions, metadata and recording times, in the
 * source's order (each batch after the ones before), and the command records. Positions are the target's own.
 */
export interface LogTarget {
  /** A name for messages (the URL without its password). */
  readonly description: string;
  /** The id of the last event the target holds (in its order), null when it holds none: where a copy resumes. */
  lastEventId(): Promise<string | null>;
  /** Appends the events after everything it holds; each batch is written whole or not at all where the store can. */
  writeEvents(events: StoredEvent[]): Promise<void>;
  /** Records the command ids; ones already recorded (with the same result) are left as they are. */
  writeCommands(commands: CommandRecord[]): Promise<void>;
  /** Every event the target holds, in its order, in pages (for the comparison at the end). */
  readEvents(): AsyncIterable<StoredEvent[]>;
  /** Every command record the target holds, in pages, in any order. */
  readCommands(): AsyncIterable<CommandRecord[]>;
  close(): Promise<void>;
}
