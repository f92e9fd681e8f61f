/**
 * Largest page a connection query returns (firstArg refuses more: PAGE_SIZE). The console reads a whole answer
 * (an export) at this size, through libs/cultivation/src/limits.ts.
 */
export const MAX_PAGE = 500;
