// copy-log: the log of a PostgreSQL store into another store (PostgreSQL or EventStoreDB), in order, with its event
// ids, metadata, recording times and command records; resumable (it continues after the target's last event); and
// checked at the end by comparing both logs (count, first and last ids, a digest over every event in order, and a
// digest of the command records).
import type { Pool } from 'pg';
import { TargetNotEmpty } from '../errors';
import { LogDigest, summaryDifferences, type LogSummary } from '../transfer/log-digest';
import type { LogTarget } from '../transfer/log-transfer';
import { parseEventRow, PostgresLogSnapshot } from './log-snapshot';

export interface CopyLogProgress {
  phase: 'events' | 'commands' | 'comparing';
  /** Events (or records) done in this phase, of `total` (events: those this run copies). */
  done: number;
  total: number;
}

export interface CopyLogOptions {
  /** Events per write (default 5,000). */
  batchSize?: number;
  onProgress?: (progress: CopyLogProgress) => void;
  /** Stops between two writes (what was written stays; a later run resumes after it). */
  signal?: AbortSignal;
}

export interface CopyLogResult {
  /** The event the target already held, after which this run went on (null: from the start). */
  resumedAfter: string | null;
  copiedEvents: number;
  source: LogSummary;
  target: LogSummary;
  /** [] when both logs are the same. */
  differences: string[];
}

/**
 * Copies the source's log up to its settled head (read in one snapshot, so events appended meanwhile wait for the
 * next run) into `target`, after the target's last event, which must be one of the source's; then compares.
 */
export async function copyLog(source: Pool, target: LogTarget, options: CopyLogOptions = {}): Promise<CopyLogResult> {
  const { batchSize = 5_000, onProgress = () => undefined, signal } = options;
  const snapshot = await PostgresLogSnapshot.open(source);
  try {
    const upTo = await snapshot.head(true);
    const resumedAfter = await target.lastEventId();
    const after = resumedAfter === null ? null : await snapshot.positionOf(resumedAfter);
    if (resumedAfter !== null && after === null) {
      throw new TargetNotEmpty(
        `${target.description} holds events that are not this log's (its last event ${resumedAfter} is not in the source): copy into an empty store`,
      );
    }
    let copiedEvents = 0;
    if (upTo !== null) {
      const total = await snapshot.count(after, upTo);
      for await (const rows of snapshot.events(after, upTo, batchSize)) {
        signal?.throwIfAborted();
        await target.writeEvents(rows.map(parseEventRow));
        copiedEvents += rows.length;
        onProgress({ phase: 'events', done: copiedEvents, total });
      }
    }
    let commands = 0;
    for await (const page of snapshot.commands(upTo)) {
      signal?.throwIfAborted();
      await target.writeCommands(page);
      commands += page.length;
      onProgress({ phase: 'commands', done: commands, total: commands });
    }

    const sourceDigest = new LogDigest();
    let compared = 0;
    if (upTo !== null) {
      for await (const rows of snapshot.events(null, upTo)) {
        sourceDigest.addEvents(rows.map(parseEventRow));
        onProgress({ phase: 'comparing', done: (compared += rows.length), total: 0 });
      }
    }
    for await (const page of snapshot.commands(upTo)) sourceDigest.addCommands(page);
    const targetDigest = new LogDigest();
    for await (const page of target.readEvents()) targetDigest.addEvents(page);
    for await (const page of target.readCommands()) targetDigest.addCommands(page);
    const [sourceSummary, targetSummary] = [sourceDigest.summary(), targetDigest.summary()];
    return {
      resumedAfter,
      copiedEvents,
      source: sourceSummary,
      target: targetSummary,
      differences: summaryDifferences(sourceSummary, targetSummary),
    };
  } finally {
    await snapshot.close();
  }
}
