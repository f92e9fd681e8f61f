// Every rule a refusal names in `rule` (GraphQL `extensions.rule`, an import row's `rule`), in one list: the
// server's refusals are typed by it and the console's texts are keyed by it, so a rule without a text fails
// typecheck. Grouped by who raises it; a rule may be raised by more than one layer (TIER_UNKNOWN, TEXT_TOO_LONG).

/** Commands refused by the domain (deciders, policy). */
export const DOMAIN_RULES = [
  'CREDIT_CODE_LENGTH',
  'CREDIT_CODE_CHARACTER',
  'CREDIT_CODE_CHECK',
  'DATE_FORMAT',
  'DISTRICT_UNKNOWN',
  'NAME_REQUIRED',
  'NAME_TOO_LONG',
  'NAME_CONTROL_CHARACTER',
  'TEXT_TOO_LONG',
  'REASON_REQUIRED',
  'REVOCATION_REASON_UNKNOWN',
  'TIER_UNKNOWN',
  'TIER_NOT_GRANTABLE',
  'LEVEL_NOT_ALLOWED',
  'METRIC_UNKNOWN',
  'TARGET_NOT_NON_NEGATIVE_INTEGER',
  'CERTIFICATE_NO_FORMAT',
  'EFFECTIVE_DATE_IN_FUTURE',
  'DATE_BEFORE_2000',
  'EFFECTIVE_DATE_ORDER',
  'VALID_UNTIL_NOT_AFTER_START',
  'VALID_UNTIL_EXCEEDS_MAX',
  'RENEWAL_MUST_EXTEND',
  'RENEWAL_NOT_DUE',
  'RENEWAL_RENEWED_LATER',
  'ENTERPRISE_NOT_FOUND',
  'ENTERPRISE_ALREADY_REGISTERED',
  'ENTERPRISE_DEREGISTERED',
  'RELOCATION_SAME_DISTRICT',
  'TIER_ALREADY_ACTIVE',
  'GRANT_OVERLAPS',
  'NO_ACTIVE_GRANT',
  'PREREQUISITE_MISSING',
  'RETRACTION_TARGET_NOT_FOUND',
  'RETRACTION_TIER_MISMATCH',
  'ALREADY_RETRACTED',
  'TITLE_REQUIRED',
  'REPORT_NOT_FOUND',
  'REPORT_SCOPE_MISMATCH',
  'YEAR_OUT_OF_RANGE',
] as const;

/** Writes refused for concurrency or a reused idempotency key. */
export const WRITE_RULES = ['STREAM_VERSION_CONFLICT', 'IDEMPOTENCY_KEY_REUSED'] as const;

/** Query arguments refused (besides the domain's date, district and tier rules). */
export const QUERY_RULES = [
  'CURSOR_INVALID',
  'DATE_RANGE',
  'INTERVAL_UNKNOWN',
  'LADDER_UNKNOWN',
  'PAGE_SIZE',
  'POSITION_FORMAT',
  'WITHIN_DAYS_RANGE',
  'KNOWN_AT_TOO_EARLY',
  'DATE_TIME',
] as const;

/** Requests refused for who is asking: the token, the role, the district. */
export const ACCESS_RULES = [
  'TOKEN_MISSING',
  'TOKEN_MALFORMED',
  'TOKEN_SIGNATURE',
  'TOKEN_EXPIRED',
  'TOKEN_EXPIRY_MISSING',
  'TOKEN_NOT_YET_VALID',
  'TOKEN_ISSUER',
  'TOKEN_AUDIENCE',
  'TOKEN_CLAIMS',
  'TOKEN_ALGORITHM',
  'TOKEN_KEYS',
  'TOKEN_SUBJECT_MISSING',
  'TOKEN_INVALID',
  'ROLE_REQUIRED',
  'DISTRICT_CLAIM',
  'DISTRICT_SCOPE',
] as const;

/** Imports refused whole (the file) or row by row (the name match, the read models' lag). */
export const IMPORT_RULES = [
  'FILE_EMPTY',
  'FILE_FORMAT',
  'FILE_ENCODING',
  'FILE_TOO_LARGE',
  'COLUMNS_MISSING',
  'BASE64_INVALID',
  'NAME_NOT_FOUND',
  'NAME_AMBIGUOUS',
  'TITLE_ROW',
  'NOTE_ROW',
  'SECTION_ROW',
  'BLANK_ROW',
  'GRANT_RETRACTED',
  'READ_MODELS_BEHIND',
  'WRITE_FAILED',
] as const;

/** Requests held to the service's limits: input hygiene, query cost, read time, rate. */
export const LIMIT_RULES = [
  'CONTROL_CHARACTER',
  'INPUT_INVALID',
  'VARIABLE_TYPE',
  'MAX_TOKENS',
  'MAX_ALIASES',
  'MAX_DEPTH',
  'MAX_DIRECTIVES',
  'MAX_COST',
  'OPERATION_NOT_SUPPORTED',
  'STATEMENT_TIMEOUT',
  'WRITES_PER_MINUTE',
  'IMPORTS_PER_MINUTE',
  'SUBSCRIPTIONS_FULL',
] as const;

/** The one catalogue. */
export const RULES = [
  ...DOMAIN_RULES,
  ...WRITE_RULES,
  ...QUERY_RULES,
  ...ACCESS_RULES,
  ...IMPORT_RULES,
  ...LIMIT_RULES,
] as const;

export type RuleName = (typeof RULES)[number];
export type DomainRuleName = (typeof DOMAIN_RULES)[number];
