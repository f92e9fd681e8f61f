// The lines of a published list that are not data (DOMAIN.md, "Notes and titles", "Sections"): notes and
// totals, a lone text in one cell (or merged across the row), and section rows that set what the rows below
// them do. Recognised from the Chinese the city's and ministry's notices use.

/** What a row of a list does to its enterprise's certification. */
export const IMPORT_ACTIONS = ['GRANT', 'RENEW', 'REVOKE'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** Why a line is not data; the rule the report names. */
export type SkipRule = 'TITLE_ROW' | 'NOTE_ROW' | 'SECTION_ROW' | 'BLANK_ROW';

/** A line that is not data, as the report shows it. */
export interface SkippedLine {
  readonly rowNumber: number;
  readonly rule: SkipRule;
  /** The line's text as written (its cells joined), '' for a blank row. */
  readonly text: string;
  /** For a section row: what the rows below it do. */
  readonly action: ImportAction | null;
}

// Checked in this order: 重新认定/不予认定 hold 认定, and a revocation list's title may say 复核 (复核未通过).
const SECTION_WORDS: readonly (readonly [RegExp, ImportAction])[] = [
  [/撤销|取消.{0,12}资格|不予保留|不再保留|复核未通过|复评未通过|未通过复核|未通过复评/, 'REVOKE'],
  [/复核通过|复评通过|通过复核|通过复评|保留资格|予以保留|复核|复评|重新认定/, 'RENEW'],
  [/新认定|新增|拟认定|新入库|认定|入库/, 'GRANT'],
];

/** 一、 （二） 3. 第一批… at the start of a heading. */
const ENUMERATOR =
  /^(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十\d]+(?:部分|类|批)[、：:]?)\s*/;
/** What ends an enterprise's name: a lone text ending so is a name, not a heading. */
const ENTERPRISE_ENDING = /(?:公司|厂|集团|研究院|研究所|中心|合作社|事务所|工作室|商行|医院)$/;
/** 注：…, 备注, 说明：…, 数据来源：…, 合计 45 家 — the words a note starts with. */
const NOTE =
  /^(?:[*※]?\s*(?:注|备注|附注|说明|数据来源|资料来源|来源|填报说明|制表|审核)\s*[\d一二三四五六七八九十]*\s*(?:[:：.．]|$)|合计|总计|共计|小计)/;

/** The action a heading names, if it is one. */
export function sectionAction(text: string): ImportAction | null {
  const heading = text.replace(/\s/g, '');
  const body = heading.replace(ENUMERATOR, '');
  if (ENTERPRISE_ENDING.test(body.replace(/[(（][^)）]*[)）]$/, ''))) return null;
  for (const [words, action] of SECTION_WORDS) if (words.test(body)) return action;
  return null;
}

/** Whether a text reads as a note (注：…, 合计…). */
export const isNote = (text: string): boolean => NOTE.test(text.trim());

/**
 * A data line's classification: null when it may be data; else why it is not. `nameColumn` is the index of the
 * 企业名称 column: a lone text there is an enterprise's name unless it reads as a note or a heading.
 */
export function skipOf(
  cells: readonly string[],
  nameColumns: readonly number[],
): Omit<SkippedLine, 'rowNumber'> | null {
  const filled = cells.flatMap((c, i) => (c === '' ? [] : [{ c, i }]));
  if (filled.length === 0) return { rule: 'BLANK_ROW', text: '', action: null };
  const text = filled.map((f) => f.c).join(' ');
  if (isNote(filled[0]!.c)) return { rule: 'NOTE_ROW', text, action: null };
  if (filled.length > 1) return null;
  const [{ c, i }] = filled as [{ c: string; i: number }];
  const action = sectionAction(c);
  if (action) return { rule: 'SECTION_ROW', text, action };
  return nameColumns.includes(i) ? null : { rule: 'NOTE_ROW', text, action: null };
}
