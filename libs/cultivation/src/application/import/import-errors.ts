import { Refusal } from '@cl/refusals';

/** Why a whole file is refused before any row is read. */
export type FileRefusalRule =
  'FILE_EMPTY' | 'FILE_FORMAT' | 'FILE_ENCODING' | 'FILE_TOO_LARGE' | 'COLUMNS_MISSING' | 'BASE64_INVALID';

/** An import file that cannot be read as a table of certifications: nothing of it is imported. */
export class ImportFileRefused extends Refusal {
  readonly code = 'BAD_USER_INPUT' as const;
  declare readonly rule: FileRefusalRule;
  constructor(rule: FileRefusalRule, message: string, field = 'file') {
    super(rule, field, message);
  }
}

/**
 * Rows must be matched by name, and the read models (where the registered names are) did not reach the
 * log's head in time: an enterprise registered or renamed moments ago could be missed, so nothing is
 * imported. Try again in a moment (projectionStatus shows the lag).
 */
export class ReadModelsBehind extends Refusal {
  readonly code = 'STALE_READ' as const;
  constructor(
    readonly head: string,
    readonly reached: string | null,
    waitedMs: number,
  ) {
    super(
      'READ_MODELS_BEHIND',
      null,
      `the read models did not reach the event log's head (position ${head}) within ${Math.round(waitedMs / 1000)} s, ` +
        `so names cannot be matched against every registered enterprise yet: nothing was imported; try again shortly`,
      { head, reached },
    );
  }
}
