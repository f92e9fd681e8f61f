import type { ExpectedVersion } from './event-store';

/** A stream was not at the expected version: the caller decided on stale state. `actual` is null for no stream. */
export class WrongExpectedVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | null,
  ) {
    super(`Stream ${streamId} expected at ${String(expected)}, is at ${actual === null ? 'NO_STREAM' : actual}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** An event id that is already recorded was appended again without a command id. */
export class DuplicateEventId extends Error {
  constructor(readonly detail: string) {
    super(`An event id is already recorded: ${detail}`);
    this.name = 'DuplicateEventId';
  }
}

/** The request itself is unusable (e.g. a negative expected version, a repeated command id in one batch). */
export class InvalidAppend extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppend';
  }
}

/** A backup file that is not whole: cut short, changed, or not a backup at all. Nothing was restored from it. */
export class DamagedBackup extends Error {
  constructor(reason: string) {
    super(`the backup is damaged or incomplete: ${reason}; nothing was restored`);
    this.name = 'DamagedBackup';
  }
}

/** A restore or copy refused because its target already holds a log it would mix with. */
export class TargetNotEmpty extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetNotEmpty';
  }
}
