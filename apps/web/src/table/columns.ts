import { t, type MessageKey } from '../i18n';
import type { Cell } from './writers';

export type { Cell } from './writers';

/** One column of a view: the screen, the phone card and the export all read it. */
export interface Column<Row> {
  key: string;
  /** A message key, or the header itself for a page with texts of its own. */
  label: MessageKey | (() => string);
  value: (row: Row) => Cell;
  /** A date is written as a date cell in XLSX; a number right-aligned with separators on screen. */
  type?: 'text' | 'number' | 'date';
  /** On a phone: 1 is the card's title, 2 a labelled field, 3 left out (still exported). */
  priority?: 1 | 2 | 3;
  /** The cell links to this page. */
  link?: (row: Row) => string;
  minWidth?: number;
  /** Kept on one line (credit codes, certificate numbers). */
  nowrap?: boolean;
  /** data-testid of the cell's text. */
  testid?: string;
  /** Shown as a tag of this colour. */
  tag?: (row: Row) => 'success' | 'info' | 'warning' | 'danger';
  /** Lines under the value on screen (not exported). */
  more?: (row: Row) => string[];
}

/** The phone card's title column, then its labelled fields. */
export function phoneColumns<Row>(columns: readonly Column<Row>[]): { title?: Column<Row>; fields: Column<Row>[] } {
  return {
    title: columns.find((c) => c.priority === 1),
    fields: columns.filter((c) => (c.priority ?? 2) === 2),
  };
}

/** The column's header in the page's language. */
export function headerOf<Row>(column: Column<Row>): string {
  return typeof column.label === 'function' ? column.label() : t(column.label);
}
