import type { PageReader } from '../api/paged';
import type { Selection } from '../export';
import type { FormField } from '../forms';
import type { MessageKey } from '../i18n';
import type { Column } from './columns';

/** A paged list view as data: its columns, how it reads a page, its filter and what that selects. */
export interface ListSpec<Row, Query> {
  columns: readonly Column<Row>[];
  read: PageReader<Row, Query>;
  /** The toolbar's filters and the values they edit. */
  filters: FormField[];
  model: Record<string, string | number>;
  /** The filter as the toolbar has it now. */
  query: () => Query;
  /** The page's name (its heading, the export's first word). */
  title: MessageKey;
  /** What a query selects, in words (the export's file name and title row). */
  describe: (query: Query) => Selection['filters'];
  /** The total's sentence: 共 {n} 家 or 共 {n} 条. */
  totalText: MessageKey;
  /** Prefix of the list's test ids (…-total, …-table, export-…-csv). */
  testid: string;
  pageSize?: number;
}
