/** Why a whole file is refused before any row is read. */
export type FileRefusalRule =
  'FILE_EMPTY' | 'FILE_FORMAT' | 'FILE_ENCODING' | 'FILE_TOO_LARGE' | 'COLUMNS_MISSING' | 'BASE64_INVALID';

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
