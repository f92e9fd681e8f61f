import { computed, ref } from 'vue';

export type Locale = 'zh-CN' | 'en';

const STORAGE_KEY = 'cl.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
}

/** The page's language: zh-CN unless the user switched (kept in this browser). */
export const locale = ref<Locale>(initialLocale());

export function setLocale(value: Locale): void {
  locale.value = value;
  localStorage.setItem(STORAGE_KEY, value);
  document.documentElement.lang = value;
}

const zh = {
  appName: '培育台账',
  signIn: '登录',
  signOut: '退出',
  token: '令牌',
  tokenHint: '粘贴签发的访问令牌（JWT）',
  signInWithToken: '用令牌登录',
  signInWithSso: '统一身份认证登录',
  signedInAs: '当前用户',
  role: '角色',
  district: '区',
  city: '全市',
  language: 'English',
  expiresAt: '令牌到期',
  'role.DISTRICT_OFFICIAL': '区级经办人员',
  'role.MUNICIPAL_OFFICIAL': '市级经办人员',
  'role.ANALYST': '分析人员',
  'role.AUDITOR': '审计人员',
  'nav.dashboard': '进度',
  'nav.enterprises': '企业',
  'nav.work': '办理',
  'nav.expiring': '到期',
  'nav.import': '导入',
  asOf: '日期',
  tier: '类型',
  ladder: '梯队',
  'ladder.TECH': '科技型企业梯队',
  'ladder.SPECIALIZED': '专精特新企业梯队',
  current: '当前',
  target: '目标',
  percent: '完成率',
  remaining: '尚差',
  requiredPace: '所需月均增量',
  recentPace: '近 6 个月月均增量',
  projected: '截止日预计',
  deadline: '截止日',
  onTrack: '按期可达',
  offTrack: '按期难达',
  noTarget: '未设目标',
  active: '有效',
  cumulative: '累计',
  granted: '新认定',
  renewed: '复核',
  ended: '终止',
  progress: '目标进度',
  breakdown: '各区分布',
  trend: '月度趋势',
  funnel: '梯队漏斗',
  reached: '曾达到',
  fromPrevious: '由上一级晋升',
  conversion: '转化率',
  medianDays: '中位天数',
  lagNotice: '读模型落后事件日志 {lag} 条事件，数字可能尚未包含最新登记。',
  updatingMinutes: '统计更新中，约 {minutes} 分钟',
  updatingEvents: '统计更新中，尚有 {lag} 条事件待计入',
  from: '起',
  to: '止',
  export: '导出',
  exportCsv: '导出 CSV',
  exportXlsx: '导出 XLSX',
  search: '搜索',
  searchHint: '企业名称（含曾用名）或统一社会信用代码前缀',
  heldOn: '持有日期',
  anyTier: '任意类型',
  allDistricts: '全部区',
  creditCode: '统一社会信用代码',
  name: '企业名称',
  formerNames: '曾用名',
  positions: '梯队位置',
  industryCode: '行业代码',
  deregisteredOn: '注销日期',
  certifications: '认定记录',
  level: '级别',
  'level.NATIONAL': '国家级',
  'level.MUNICIPAL': '市级',
  'level.DISTRICT': '区级',
  certificateNo: '证书编号',
  grantedOn: '认定日期',
  validUntil: '有效期至',
  endedOn: '终止日期',
  state: '状态',
  'state.ACTIVE': '有效',
  'state.RENEWED': '已复核',
  'state.LAPSED': '已过期',
  'state.REVOKED': '已撤销',
  'state.RETRACTED': '已更正撤回',
  'state.ENDED_BY_DEREGISTRATION': '因注销终止',
  batch: '批次',
  total: '共 {n} 家',
  totalRows: '共 {n} 条',
  more: '加载更多',
  open: '查看',
  none: '无',
  replay: '历史回放',
  asOfDate: '截至日期',
  knownAt: '按当时已知（记录时间）',
  replayRun: '回放',
  replayHint: '按所选日期的生效状态，只用截至所选时间已记录的事件。',
  notRegistered: '在该日期该企业尚未登记。',
  timeline: '事件时间线',
  position: '位置',
  eventType: '事件',
  recordedAt: '记录时间',
  actor: '操作人',
  source: '来源',
  correlationId: '关联编号',
  details: '内容',
  enterprise: '企业',
  pickEnterprise: '选择企业（名称或信用代码）',
  action: '业务',
  'action.register': '登记企业',
  'action.rename': '企业更名',
  'action.relocate': '迁移区',
  'action.deregister': '注销',
  'action.grant': '认定',
  'action.renew': '复核',
  'action.revoke': '撤销认定',
  'action.retract': '更正撤回',
  submit: '提交',
  effectiveOn: '生效日期',
  toDistrict: '迁入区',
  reason: '原因',
  revokedOn: '撤销日期',
  renewedOn: '复核日期',
  note: '说明',
  pickCertification: '要撤回的认定或复核',
  written: '已写入 {n} 条事件（位置 {position}）',
  nothingWritten: '重复提交：未写入新事件',
  refused: '未办理',
  rule: '规则',
  'reason.FRAUD': '弄虚作假',
  'reason.SAFETY_OR_QUALITY_INCIDENT': '安全或质量事故',
  'reason.ENVIRONMENTAL_VIOLATION': '环境违法',
  'reason.FAILED_REVIEW': '复核不通过',
  'reason.MISSED_REPORTING': '未按期报送',
  'reason.NO_LONGER_ELIGIBLE': '不再符合条件',
  'reason.OTHER': '其他',
  withinDays: '天内到期',
  daysLeft: '剩余天数',
  file: '文件（CSV 或 XLSX）',
  chooseFile: '选择文件',
  listTier: '名单类型（文件无该列时）',
  listLevel: '名单级别',
  listGrantedOn: '名单认定日期',
  listValidUntil: '名单有效期至',
  listBatch: '名单批次',
  upload: '导入',
  importSummary:
    '{rows} 行：接受 {accepted}，重复 {duplicate}，拒绝 {rejected}；新登记企业 {registered} 家，写入 {events} 条事件',
  downloadReport: '下载报告',
  rowNumber: '行号',
  outcome: '结果',
  'outcome.ACCEPTED': '接受',
  'outcome.DUPLICATE': '重复',
  'outcome.REJECTED': '拒绝',
  column: '列',
  message: '说明',
  candidates: '候选企业',
  loading: '加载中…',
  error: '出错了',
  required: '必填',
  forbidden: '当前角色无权进行此操作。',
  unauthenticated: '登录已失效，请重新登录。',
  staleRead: '读模型尚未追上刚写入的事件，请稍后重试。',
  ssoFailed: '统一身份认证登录失败：{message}',
  notFound: '未找到',
  yes: '是',
  no: '否',
};

type Messages = Record<keyof typeof zh, string>;

const en: Messages = {
  appName: 'Cultivation Ledger',
  signIn: 'Sign in',
  signOut: 'Sign out',
  token: 'Token',
  tokenHint: 'Paste an access token (JWT)',
  signInWithToken: 'Sign in with the token',
  signInWithSso: 'Sign in with single sign-on',
  signedInAs: 'Signed in',
  role: 'Role',
  district: 'District',
  city: 'Whole city',
  language: '中文',
  expiresAt: 'Token expires',
  'role.DISTRICT_OFFICIAL': 'District official',
  'role.MUNICIPAL_OFFICIAL': 'Municipal official',
  'role.ANALYST': 'Analyst',
  'role.AUDITOR': 'Auditor',
  'nav.dashboard': 'Dashboard',
  'nav.enterprises': 'Enterprises',
  'nav.work': 'Work',
  'nav.expiring': 'Expiring',
  'nav.import': 'Import',
  asOf: 'Date',
  tier: 'Tier',
  ladder: 'Ladder',
  'ladder.TECH': 'Tech ladder',
  'ladder.SPECIALIZED': 'Specialized ladder',
  current: 'Current',
  target: 'Target',
  percent: 'Percent',
  remaining: 'Remaining',
  requiredPace: 'Required per month',
  recentPace: 'Recent per month (6 months)',
  projected: 'Projected at deadline',
  deadline: 'Deadline',
  onTrack: 'On track',
  offTrack: 'Off track',
  noTarget: 'No target set',
  active: 'Active',
  cumulative: 'Cumulative',
  granted: 'Granted',
  renewed: 'Renewed',
  ended: 'Ended',
  progress: 'Progress toward the targets',
  breakdown: 'By district',
  trend: 'Monthly trend',
  funnel: 'Ladder funnels',
  reached: 'Reached',
  fromPrevious: 'From the rung below',
  conversion: 'Conversion',
  medianDays: 'Median days',
  lagNotice: 'The read models are {lag} events behind the log: the figures may not include the latest writes yet.',
  updatingMinutes: 'Updating the figures, about {minutes} min',
  updatingEvents: 'Updating the figures, {lag} events to go',
  from: 'From',
  to: 'To',
  export: 'Export',
  exportCsv: 'Export CSV',
  exportXlsx: 'Export XLSX',
  search: 'Search',
  searchHint: 'Name (current or former) or credit-code prefix',
  heldOn: 'Held on',
  anyTier: 'Any tier',
  allDistricts: 'All districts',
  creditCode: 'Credit code',
  name: 'Name',
  formerNames: 'Former names',
  positions: 'Positions',
  industryCode: 'Industry code',
  deregisteredOn: 'Deregistered on',
  certifications: 'Certifications',
  level: 'Level',
  'level.NATIONAL': 'National',
  'level.MUNICIPAL': 'Municipal',
  'level.DISTRICT': 'District',
  certificateNo: 'Certificate no.',
  grantedOn: 'Granted on',
  validUntil: 'Valid until',
  endedOn: 'Ended on',
  state: 'State',
  'state.ACTIVE': 'Active',
  'state.RENEWED': 'Renewed',
  'state.LAPSED': 'Lapsed',
  'state.REVOKED': 'Revoked',
  'state.RETRACTED': 'Retracted',
  'state.ENDED_BY_DEREGISTRATION': 'Ended by deregistration',
  batch: 'Batch',
  total: '{n} enterprises',
  totalRows: '{n} rows',
  more: 'Load more',
  open: 'Open',
  none: 'None',
  replay: 'Replay',
  asOfDate: 'As of',
  knownAt: 'As known at (recorded time)',
  replayRun: 'Replay',
  replayHint: 'State in effect on the date, from only the events recorded by the chosen time.',
  notRegistered: 'The enterprise was not registered on that date.',
  timeline: 'Event timeline',
  position: 'Position',
  eventType: 'Event',
  recordedAt: 'Recorded at',
  actor: 'Actor',
  source: 'Source',
  correlationId: 'Correlation',
  details: 'Data',
  enterprise: 'Enterprise',
  pickEnterprise: 'Enterprise (name or credit code)',
  action: 'Action',
  'action.register': 'Register',
  'action.rename': 'Rename',
  'action.relocate': 'Relocate',
  'action.deregister': 'Deregister',
  'action.grant': 'Grant',
  'action.renew': 'Renew',
  'action.revoke': 'Revoke',
  'action.retract': 'Retract',
  submit: 'Submit',
  effectiveOn: 'Effective on',
  toDistrict: 'To district',
  reason: 'Reason',
  revokedOn: 'Revoked on',
  renewedOn: 'Renewed on',
  note: 'Note',
  pickCertification: 'Grant or renewal to retract',
  written: '{n} events written (position {position})',
  nothingWritten: 'Already done: no new events written',
  refused: 'Refused',
  rule: 'Rule',
  'reason.FRAUD': 'Fraud',
  'reason.SAFETY_OR_QUALITY_INCIDENT': 'Safety or quality incident',
  'reason.ENVIRONMENTAL_VIOLATION': 'Environmental violation',
  'reason.FAILED_REVIEW': 'Failed review',
  'reason.MISSED_REPORTING': 'Missed reporting',
  'reason.NO_LONGER_ELIGIBLE': 'No longer eligible',
  'reason.OTHER': 'Other',
  withinDays: 'Expiring within (days)',
  daysLeft: 'Days left',
  file: 'File (CSV or XLSX)',
  chooseFile: 'Choose a file',
  listTier: 'List tier (when the file has no such column)',
  listLevel: 'List level',
  listGrantedOn: 'List granted on',
  listValidUntil: 'List valid until',
  listBatch: 'List batch',
  upload: 'Import',
  importSummary:
    '{rows} rows: {accepted} accepted, {duplicate} duplicate, {rejected} refused; {registered} enterprises registered, {events} events written',
  downloadReport: 'Download the report',
  rowNumber: 'Row',
  outcome: 'Outcome',
  'outcome.ACCEPTED': 'Accepted',
  'outcome.DUPLICATE': 'Duplicate',
  'outcome.REJECTED': 'Refused',
  column: 'Column',
  message: 'Message',
  candidates: 'Candidates',
  loading: 'Loading…',
  error: 'Error',
  required: 'Required',
  forbidden: 'Your role may not do this.',
  unauthenticated: 'Your sign-in has expired: please sign in again.',
  staleRead: 'The read models have not caught up with the write yet: try again shortly.',
  ssoFailed: 'Single sign-on failed: {message}',
  notFound: 'Not found',
  yes: 'Yes',
  no: 'No',
};

export type MessageKey = keyof typeof zh;

const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zh, en };

/** The message in the page's language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[locale.value][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined ? '' : typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** A message key built at run time (enum values), falling back to the raw value. */
export function tx(prefix: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = `${prefix}.${value}` as MessageKey;
  return key in zh ? t(key) : value;
}

const numberFormats = computed(() => ({
  whole: new Intl.NumberFormat(locale.value, { maximumFractionDigits: 0 }),
  one: new Intl.NumberFormat(locale.value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
}));

/** 12,345 (thousands separators in both languages). */
export function formatNumber(value: number | null | undefined, digits: 0 | 1 = 0): string {
  if (value === null || value === undefined) return '—';
  return (digits === 1 ? numberFormats.value.one : numberFormats.value.whole).format(value);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatNumber(value, 1)}%`;
}

/** YYYY-MM-DD for dates; instants as YYYY-MM-DD HH:mm:ss in Asia/Shanghai. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** Today in Asia/Shanghai, YYYY-MM-DD (the city's calendar, whatever the browser's zone). */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

const DISTRICT_EN: Record<string, string> = {
  '120101': 'Heping',
  '120102': 'Hedong',
  '120103': 'Hexi',
  '120104': 'Nankai',
  '120105': 'Hebei',
  '120106': 'Hongqiao',
  '120110': 'Dongli',
  '120111': 'Xiqing',
  '120112': 'Jinnan',
  '120113': 'Beichen',
  '120114': 'Wuqing',
  '120115': 'Baodi',
  '120116': 'Binhai New Area',
  '120117': 'Ninghe',
  '120118': 'Jinghai',
  '120119': 'Jizhou',
};

/** A district's name in the page's language (the API gives Chinese names). */
export function districtName(district: { code: string; name: string } | undefined): string {
  if (!district) return '';
  return locale.value === 'en' ? (DISTRICT_EN[district.code] ?? district.name) : district.name;
}

/** A tier's name in the page's language. */
export function tierName(tier: { nameZh: string; nameEn: string } | undefined): string {
  if (!tier) return '';
  return locale.value === 'en' ? tier.nameEn : tier.nameZh;
}
