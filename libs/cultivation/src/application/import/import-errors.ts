/** Why a whole file is refused before any row is read. */
export type FileRefusalRule = 'FILE_EMPTY' | 'FILE_FORMAT' | 'FILE_ENCODING' | 'FILE_TOO_LARGE' | 'COLUMNS_MISSING';

/** An import file that cannot be read as a table of certifications: nothing of it is imported. */
export class ImportFileRefused extends Error {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly rule: FileRefusalRule,
    message: string,
    readonly field = 'file',
  ) {
    super(message);
    this.name = 'ImportFileRefused';
  }
}

/**
 * Rows must be matched by name, and the read models (where the registered names are) did not reach the
 * log's head in time: an enterprise registered or renamed moments ago could be missed, so nothing is
 * imported. Try again in a moment (projectionStatus shows the lag).
 */
export class ReadModelsBehind extends Error {
  readonly code = 'STALE_READ' as const;
  readonly rule = 'READ_MODELS_BEHIND' as const;
  constructor(
    readonly head: string,
    readonly reached: string | null,
    waitedMs: number,
  ) {
    super(
      `the read models did not reach the event log's head (position ${head}) within ${Math.round(waitedMs / 1000)} s, ` +
        `so names cannot be matched against every registered enterprise yet: nothing was imported; try again shortly`,
    );
    this.name = 'ReadModelsBehind';
  }
}
