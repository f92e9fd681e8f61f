// Parts of the contract the console uses as the service grows into it.

/** The enterprises filter field for the search box: `search` (names, former names, credit-code prefix). */
export const SEARCH_FIELD = 'search';

/** importCertifications takes the list-level tier, level, dates and batch. */
export const LIST_LEVEL_FIELDS = true;
