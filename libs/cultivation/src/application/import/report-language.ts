// The import report in the reader's language (zh-CN unless English is asked for): headers, outcomes, the
// rules' sentences, Chinese names for the list-level values, candidates as a list. Presentation only: the
// rows' facts (rule codes, fields, candidates) come from import-report.ts unchanged.
import { isRuleName, ruleSentence, type Language } from '@cl/refusals';
import { LIST_LEVEL_COLUMNS, type ListLevelColumn } from './columns';
import type { ImportReport, ImportRowResult, RowOutcome } from './import-report';
import type { ImportAction } from './list-lines';

export type { Language };

const HEADERS: Record<Language, readonly string[]> = {
  'zh-CN': ['行号', '企业名称', '统一社会信用代码', '结果', '列', '规则', '说明', '候选企业', '操作', '相近企业'],
  en: ['Row', 'Name', 'Credit code', 'Outcome', 'Column', 'Rule', 'Message', 'Candidates', 'Action', 'Suggestions'],
};

const OUTCOMES: Record<Language, Record<RowOutcome, string>> = {
  'zh-CN': { accepted: '已导入', duplicate: '重复，未再写入', rejected: '未导入', skipped: '已跳过' },
  en: { accepted: 'Imported', duplicate: 'Duplicate, nothing written', rejected: 'Refused', skipped: 'Skipped' },
};

const ACTIONS: Record<Language, Record<ImportAction, string>> = {
  'zh-CN': { GRANT: '认定', RENEW: '复核', REVOKE: '撤销' },
  en: { GRANT: 'Grant', RENEW: 'Renew', REVOKE: 'Revoke' },
};

/** A value the list gives for every row, named as a reader of the list would. */
const LIST_VALUES: Record<Language, Record<ListLevelColumn, string>> = {
  'zh-CN': { tier: '认定类型', level: '认定级别', grantedOn: '认定日期', validUntil: '有效期至', batch: '批次' },
  en: { tier: 'Tier', level: 'Level', grantedOn: 'Granted on', validUntil: 'Valid until', batch: 'Batch' },
};
const WHOLE_LIST: Record<Language, string> = { 'zh-CN': '（全表统一填写）', en: ' (given for the whole list)' };
const SAME_AS_BEFORE: Record<Language, string> = {
  'zh-CN': '与已导入的记录相同，未再写入',
  en: 'The same as a row already imported: nothing was written',
};

const isListValue = (field: string | null): field is ListLevelColumn =>
  field !== null && (LIST_LEVEL_COLUMNS as readonly string[]).includes(field);

/** One row of the report as a reader sees it. */
export interface PresentedRow {
  readonly outcome: string;
  /** The header as written in the file, or the list-level value's name; null when the refusal is not a column's. */
  readonly column: string | null;
  readonly message: string | null;
  readonly candidates: readonly string[];
}

/** The row's outcome, column and message in `language`; candidates stay a list of their own. */
export function presentRow(row: ImportRowResult, language: Language): PresentedRow {
  const fromList = row.column === null && isListValue(row.field) && row.outcome === 'rejected';
  const column = fromList
    ? `${LIST_VALUES[language][row.field as ListLevelColumn]}${WHOLE_LIST[language]}`
    : row.column;
  let message = row.message;
  if (row.rule !== null && isRuleName(row.rule) && (language === 'zh-CN' || row.rule === 'NAME_AMBIGUOUS')) {
    // Chinese readers get the rule's sentence; the English message keeps the server's specifics, except where
    // it ran the candidates into the text
    message = ruleSentence(row.rule, language);
  } else if (row.outcome === 'duplicate' && row.rule === null) {
    message = SAME_AS_BEFORE[language];
  }
  return { outcome: OUTCOMES[language][row.outcome], column, message, candidates: row.candidates };
}

function csvField(value: string | number | null | undefined): string {
  const raw = value == null ? '' : String(value);
  const text = /^[=+@\t\r]/.test(raw) ? `'${raw}` : raw; // a name from the file is never run as a formula
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The per-row report as CSV in `language` (UTF-8 with BOM, so that Excel shows the Chinese text). */
export function reportCsv(report: ImportReport, language: Language = 'zh-CN'): string {
  const lines = [
    HEADERS[language],
    ...report.rows.map((r) => {
      const shown = presentRow(r, language);
      // candidates and suggestions one a line inside their cell: lists, not run into the message
      return [
        r.rowNumber,
        r.name,
        r.creditCode,
        shown.outcome,
        shown.column,
        r.rule,
        shown.message,
        shown.candidates.join('\n'),
        r.action === null ? null : ACTIONS[language][r.action],
        r.suggestions.map((x) => `${x.name} (${x.creditCode})`).join('\n'),
      ];
    }),
  ];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The language an Accept-Language header prefers: English when its first choice is English, else zh-CN. */
export function languageOf(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => l.tag !== '' && l.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh-CN';
}
