// The columns an import file may carry, and the header names (Chinese or English) that name them.

export const IMPORT_COLUMNS = [
  'creditCode',
  'name',
  'district',
  'tier',
  'level',
  'certificateNo',
  'grantedOn',
  'validUntil',
  'batch',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Without these a file is refused whole, unless the list gives the value for every row (ListValues). */
export const LIST_LEVEL_COLUMNS = ['tier', 'level', 'grantedOn', 'validUntil', 'batch'] as const;
export type ListLevelColumn = (typeof LIST_LEVEL_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ListLevelColumn[] = ['tier', 'grantedOn'];

const ALIASES: Record<ImportColumn, readonly string[]> = {
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码', 'creditcode', 'uscc', 'unifiedsocialcreditcode'],
  name: ['企业名称', '名称', '单位名称', '企业', 'name', 'enterprisename', 'enterprise', 'company', 'companyname'],
  district: ['所属区', '区县', '所属区县', '所在区', '所在区县', '区', '行政区', 'district', 'districtcode'],
  tier: ['认定类型', '梯度', '类型', '认定类别', '培育梯度', 'tier', 'tiercode'],
  level: ['级别', '认定级别', 'level'],
  certificateNo: ['证书编号', '入库登记编号', '登记编号', '编号', 'certificateno', 'certificatenumber', 'certificate'],
  grantedOn: ['认定日期', '发证日期', '入库日期', '登记日期', 'grantedon', 'granted', 'grantdate', 'date'],
  validUntil: ['有效期至', '有效期', '截止日期', '有效截止日期', 'validuntil', 'expires', 'expirydate'],
  batch: ['批次', '认定批次', 'batch'],
};

const BY_ALIAS = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((column) => ALIASES[column].map((alias) => [alias, column] as const)),
);

/** A header cell reduced to what names it: no case, spaces, punctuation, "*" marks or "(YYYY-MM-DD)" hints. */
export function headerKey(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .replace(/[(（][^)）]*[)）]/g, '')
    .toLowerCase()
    .replace(/[\s*_\-.:：/]/g, '');
}

/** The column a header cell names, if any. */
export function columnOf(cell: string): ImportColumn | undefined {
  return BY_ALIAS.get(headerKey(cell));
}

/** Column → index in the row, for the columns the header names (the first occurrence wins). */
export type ColumnMap = Partial<Record<ImportColumn, number>>;
/** Column → its header cell as written in the file (what a report names). */
export type HeaderNames = Partial<Record<ImportColumn, string>>;

export function mapHeader(cells: readonly string[]): { columns: ColumnMap; headers: HeaderNames } {
  const columns: ColumnMap = {};
  const headers: HeaderNames = {};
  cells.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && columns[column] === undefined) {
      columns[column] = index;
      headers[column] = cell.replace(/^\uFEFF/, '').trim();
    }
  });
  return { columns, headers };
}

/** Human names of columns, for messages that tell the user what to add. */
export const COLUMN_LABELS: Record<ImportColumn, string> = {
  creditCode: '统一社会信用代码 (credit code)',
  name: '企业名称 (name)',
  district: '所属区 (district)',
  tier: '认定类型 (tier)',
  level: '级别 (level)',
  certificateNo: '证书编号 (certificate number)',
  grantedOn: '认定日期 (granted on)',
  validUntil: '有效期至 (valid until)',
  batch: '批次 (batch)',
};
