import type { EventStore } from '@cl/event-store';
import { isPosition } from '@cl/event-store';
import {
  CODE_VERSIONS,
  countEvents,
  isRebuildRunning,
  readLiveCheckpoint,
  versionMismatch,
  type Checkpoint,
  type ProjectionPace,
  type ProjectionStall,
  type Sql,
} from '../../../read-models';
import type { ProjectionStatus } from '../contract-types';
import { InvalidQueryInput } from '../query-input';

/**
 * Checkpoint, head of the log, the events between them (exact: PostgreSQL counts them on the position index, about
 * 0.1 s per million behind), whether a rebuild is running, the versions, and the seconds until caught up at the pace
 * of this process's projector (`pace`; null without one here, when caught up, or before a pace is known).
 */
export async function projectionStatus(sql: Sql, store: EventStore, pace?: ProjectionPace): Promise<ProjectionStatus> {
  const [checkpoint, head, rebuilding] = await Promise.all([
    readLiveCheckpoint(sql),
    store.head(),
    isRebuildRunning(sql),
  ]);
  const { position } = checkpoint;
  const lag = await countEvents(store, position, head);
  return {
    position: position ?? '0',
    headPosition: head ?? '0',
    lag,
    rebuilding,
    etaSeconds: pace?.etaSeconds(lag) ?? null,
    // Before the first event there is no checkpoint: the first batch stamps this code's versions.
    projectionVersion: checkpoint.projectionVersion ?? CODE_VERSIONS.projection,
    snapshotVersion: checkpoint.snapshotVersion ?? CODE_VERSIONS.snapshot,
    versionMismatch: versionMismatch(checkpoint)?.message ?? null,
    stalledAt: checkpoint.stall?.position ?? null,
    error: checkpoint.stall ? describeStall(checkpoint.stall) : null,
  };
}

/**
 * The projector's stall as recorded in the database (whichever process runs it), null when it is not stalled:
 * what projectionStatus and readiness report.
 */
export async function projectorStall(sql: Sql): Promise<{ stalledAt: string; error: string } | null> {
  const { stall } = await readLiveCheckpoint(sql);
  return stall && { stalledAt: stall.position, error: describeStall(stall) };
}

/** One line naming the event and the error. */
export function describeStall(stall: ProjectionStall): string {
  return `${stall.type} (stream ${stall.streamId}, event ${stall.eventId}) cannot be applied: ${stall.error}`;
}

/**
 * Resolves true once the checkpoint read from the database has reached `position`, false after `timeoutMs`;
 * `read` reads it (a LiveCheckpoint's `read` also confirms its view).
 */
export async function waitForPosition(
  sql: Sql,
  position: string,
  timeoutMs: number,
  pollMs = 20,
  read: (sql: Sql) => Promise<Checkpoint> = readLiveCheckpoint,
): Promise<boolean> {
  if (!isPosition(position)) {
    throw new InvalidQueryInput('POSITION_FORMAT', 'X-Consistency-Position', 'a position is a decimal integer');
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { position: reached } = await read(sql);
    if (reached !== null && BigInt(reached) >= BigInt(position)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(1, deadline - Date.now()))));
  }
}
