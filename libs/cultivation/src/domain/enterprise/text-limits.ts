// The longest text each command field takes (characters, after trimming). Declared here, where the deciders
// refuse longer text (NAME_TOO_LONG, TEXT_TOO_LONG); the GraphQL inputs' length checks use the same numbers.
export const TEXT_LIMITS = {
  name: 200,
  reason: 500,
  note: 500,
  /** A batch label such as 「2025年第一批」. */
  batch: 64,
  /** GB/T 4754 codes are a letter and up to four digits (C3911); 16 leaves room for a local suffix. */
  industryCode: 16,
  /** Free-text certificate numbers (tiers without a set format). */
  certificateNo: 64,
} as const;
