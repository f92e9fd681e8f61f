// The rules in people's words, zh-CN and English: one source for the console and the server's import report.
import { RULES, type RuleName } from './rules';

export type RefusalDetails = Readonly<Record<string, unknown>> | undefined;
type Details = RefusalDetails;
type Text =
  readonly [zh: string, en: string] | ((details: Details, names: TierNames) => readonly [zh: string, en: string]);

/** A tier's names, for texts that name a tier from a refusal's details (the caller knows the catalogue). */
export type TierNames = (code: string) => { nameZh: string; nameEn: string } | undefined;

/** The tiers a refusal's details name (`requires`), joined by 或 / or. */
function tiersOf(details: Details, names: TierNames): { zh: string; en: string } | undefined {
  const codes = Array.isArray(details?.requires) ? details.requires.filter((c) => typeof c === 'string') : [];
  if (codes.length === 0) return undefined;
  const named = codes.map((c) => names(c) ?? { nameZh: c, nameEn: c });
  return { zh: named.map((n) => n.nameZh).join('或'), en: named.map((n) => n.nameEn).join(' or ') };
}

/**
 * What each refusal rule means, in both languages, for people (the console's messages, the import report).
 * Keyed by the catalogue: a rule without a text here is a type error.
 */
const RULE_TEXT: Record<RuleName, Text> = {
  // the domain
  CREDIT_CODE_LENGTH: ['统一社会信用代码应为 18 位', 'A credit code has 18 characters'],
  CREDIT_CODE_CHARACTER: ['统一社会信用代码含不允许的字符', 'The credit code has a character that is not allowed'],
  CREDIT_CODE_CHECK: ['统一社会信用代码校验位不正确', 'The credit code check character is wrong'],
  DATE_FORMAT: ['日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD'],
  DISTRICT_UNKNOWN: ['未知的区', 'Unknown district'],
  NAME_REQUIRED: ['企业名称必填', 'The name is required'],
  NAME_TOO_LONG: ['企业名称过长', 'The name is too long'],
  NAME_CONTROL_CHARACTER: ['名称含控制字符', 'The name contains a control character'],
  TEXT_TOO_LONG: ['文字过长', 'The text is too long'],
  REASON_REQUIRED: ['必须填写原因', 'A reason is required'],
  REVOCATION_REASON_UNKNOWN: ['未知的撤销原因', 'Unknown revocation reason'],
  TIER_UNKNOWN: ['未知的认定类型', 'Unknown tier'],
  TIER_NOT_GRANTABLE: ['该类型是组合口径，不能直接认定', 'This tier is a group: it is held through its members'],
  LEVEL_NOT_ALLOWED: ['该类型不设此级别', 'This tier has no such level'],
  METRIC_UNKNOWN: ['未知的统计口径', 'Unknown metric'],
  TARGET_NOT_NON_NEGATIVE_INTEGER: ['目标应为非负整数', 'A target is a whole number, zero or more'],
  CERTIFICATE_NO_FORMAT: (d) => {
    if (typeof d?.example === 'string') {
      return [
        `证书编号格式应为 GR + 4 位年份 + 2 位省级代码（天津为 12）+ 6 位数字，例如 ${d.example}`,
        `The certificate number is GR + a 4-digit year + a 2-digit province code (Tianjin 12) + 6 digits, e.g. ${d.example}`,
      ];
    }
    if (typeof d?.maxLength === 'number') {
      return [`证书编号最多 ${d.maxLength} 个字符`, `A certificate number has at most ${d.maxLength} characters`];
    }
    return ['证书编号格式不正确', 'The certificate number is not in the expected form'];
  },
  EFFECTIVE_DATE_IN_FUTURE: ['日期不能晚于今天', 'The date is after today'],
  DATE_BEFORE_2000: ['日期不能早于 2000-01-01', 'The date is before 2000-01-01'],
  EFFECTIVE_DATE_ORDER: ['日期早于该企业已记录的事项', "The date is before the enterprise's recorded history"],
  VALID_UNTIL_NOT_AFTER_START: ['有效期至应晚于开始日期', 'Valid until must be after the start date'],
  VALID_UNTIL_EXCEEDS_MAX: ['有效期超过政策允许的最长期限', 'The validity is longer than the policy allows'],
  RENEWAL_MUST_EXTEND: ['复核后的有效期应晚于原有效期', 'A renewal must extend the validity'],
  RENEWAL_NOT_DUE: [
    '该有效期尚未进入复核期，或已办理过复核（每个有效期只复核一次）',
    'This term is not yet due for renewal, or was already renewed (one renewal per term)',
  ],
  RENEWAL_RENEWED_LATER: [
    '该复核之后已有再次复核，请先撤回后一次复核',
    'A later renewal re-reviewed this one: retract that first',
  ],
  ENTERPRISE_NOT_FOUND: ['该企业尚未登记', 'The enterprise is not registered'],
  ENTERPRISE_ALREADY_REGISTERED: ['该企业已登记', 'The enterprise is already registered'],
  ENTERPRISE_DEREGISTERED: ['该企业已注销', 'The enterprise is deregistered'],
  RELOCATION_SAME_DISTRICT: ['企业已在该区', 'The enterprise is already in that district'],
  TIER_ALREADY_ACTIVE: ['该企业已持有有效的此类认定，应办理复核', 'This tier is already active: renew it instead'],
  GRANT_OVERLAPS: ['与该企业已记录的同类认定期间重叠', 'It overlaps a recorded grant of the same tier'],
  NO_ACTIVE_GRANT: ['该企业没有此类有效认定', 'The enterprise holds no active grant of this tier'],
  PREREQUISITE_MISSING: (d, names) => {
    const tiers = tiersOf(d, names);
    const on = typeof d?.on === 'string' ? d.on : undefined;
    if (!tiers) return ['未持有前置梯级的有效认定', 'The rung below is not held on that date'];
    return [
      `须先持有有效的${tiers.zh}认定${on ? `（${on} 当日）` : ''}`,
      `It needs a valid ${tiers.en} grant${on ? ` on ${on}` : ''} first`,
    ];
  },
  RETRACTION_TARGET_NOT_FOUND: ['未找到要撤回的认定', 'The grant to retract was not found'],
  RETRACTION_TIER_MISMATCH: ['所选记录不是该类型的认定', 'That record is not of this tier'],
  ALREADY_RETRACTED: ['该记录已撤回', 'That record is already retracted'],
  TITLE_REQUIRED: ['必须填写标题', 'A title is required'],
  REPORT_NOT_FOUND: ['未找到该报告', 'No such report'],
  REPORT_SCOPE_MISMATCH: ['新报告的范围应与被替代的报告相同', 'A report supersedes only one of the same scope'],
  YEAR_OUT_OF_RANGE: ['年度超出允许范围', 'The year is outside the allowed range'],
  // writes
  STREAM_VERSION_CONFLICT: [
    '该企业已被他人修改，请刷新后重试',
    'Someone changed the enterprise meanwhile: reload and retry',
  ],
  IDEMPOTENCY_KEY_REUSED: ['同一提交编号已用于不同的操作', 'The command id was used for a different request'],
  // query arguments
  CURSOR_INVALID: ['翻页位置无效，请重新查询', 'The page cursor is not valid: search again'],
  DATE_RANGE: ['日期范围不正确', 'The date range is not valid'],
  INTERVAL_UNKNOWN: ['未知的统计周期', 'Unknown interval'],
  LADDER_UNKNOWN: ['未知的梯队', 'Unknown ladder'],
  PAGE_SIZE: ['每页条数超出允许范围', 'The page size is outside the allowed range'],
  POSITION_FORMAT: ['位置编号格式不正确', 'The position is not in the expected form'],
  WITHIN_DAYS_RANGE: ['天数超出允许范围', 'The number of days is outside the allowed range'],
  DATE_TIME: ['时间格式不正确', 'That is not a point in time'],
  KNOWN_AT_TOO_EARLY: [
    '所选的记录时点早于可回溯的范围',
    'That recording time is earlier than the ledger can look back',
  ],
  // access
  TOKEN_MISSING: ['请先登录', 'Sign in first'],
  TOKEN_MALFORMED: ['这不是有效的令牌格式，请粘贴完整的令牌', 'That is not a token: paste the whole token'],
  TOKEN_SIGNATURE: [
    '令牌的签名不被本系统信任（可能由其他系统签发）',
    'The token is not signed by a key this service trusts',
  ],
  TOKEN_EXPIRED: ['令牌已过期，请重新获取', 'The token has expired: get a new one'],
  TOKEN_EXPIRY_MISSING: ['令牌没有有效期，不予接受', 'The token has no expiry, so it is not accepted'],
  TOKEN_NOT_YET_VALID: ['令牌尚未生效', 'The token is not valid yet'],
  TOKEN_ISSUER: ['令牌由其他签发方签发', 'The token comes from another issuer'],
  TOKEN_AUDIENCE: ['令牌不是签发给本系统的', 'The token is meant for another service'],
  TOKEN_CLAIMS: ['令牌的声明不正确', "The token's claims are not valid"],
  TOKEN_ALGORITHM: ['令牌的签名算法不被接受', "The token's signing algorithm is not accepted"],
  TOKEN_KEYS: ['暂时无法取得统一登录的密钥，请稍后重试', "The sign-on provider's keys could not be fetched: try again"],
  TOKEN_SUBJECT_MISSING: ['令牌没有用户标识', 'The token names no user'],
  TOKEN_INVALID: ['令牌无效', 'The token is not valid'],
  ROLE_REQUIRED: ['当前角色无权进行此操作', 'Your role may not do this'],
  DISTRICT_CLAIM: ['区级账号的令牌未写明所属区', 'A district official token must name its district'],
  DISTRICT_SCOPE: ['只能办理本区的企业', 'You may act only on enterprises in your district'],
  // imports
  FILE_EMPTY: ['文件没有数据行', 'The file has no rows'],
  FILE_FORMAT: ['无法识别的文件格式，请上传 CSV 或 XLSX', 'The file is not CSV or XLSX'],
  FILE_ENCODING: ['无法识别文件编码，请使用 UTF-8 或 GBK', 'The file is neither UTF-8 nor GBK'],
  FILE_TOO_LARGE: ['文件过大，请用命令行导入', 'The file is too large: import it with the command line'],
  COLUMNS_MISSING: ['文件缺少必需的列', 'The file lacks a required column'],
  BASE64_INVALID: ['上传的文件内容已损坏', 'The uploaded content is damaged'],
  NAME_NOT_FOUND: ['按名称未找到企业', 'No enterprise has that name'],
  NAME_AMBIGUOUS: ['该名称对应多家企业', 'Several enterprises have that name'],
  TITLE_ROW: ['标题行，已跳过', 'A title row: skipped'],
  NOTE_ROW: ['说明行，已跳过', 'A note row: skipped'],
  SECTION_ROW: ['分节标题行，已跳过', 'A section heading: skipped'],
  BLANK_ROW: ['空行，已跳过', 'A blank row: skipped'],
  GRANT_RETRACTED: ['该认定已被撤回，不再导入', 'That grant was retracted, so it is not imported again'],
  READ_MODELS_BEHIND: ['数据仍在更新，请稍后重新导入', 'The data is still catching up: import again shortly'],
  WRITE_FAILED: ['该行未能写入，请重试', 'The row could not be written: try again'],
  // the service's limits
  CONTROL_CHARACTER: ['输入含控制字符', 'The input contains a control character'],
  INPUT_INVALID: ['输入不符合要求', 'The input is not valid'],
  VARIABLE_TYPE: ['查询参数类型不正确', 'A query variable has the wrong type'],
  MAX_TOKENS: ['查询过长', 'The query is too long'],
  MAX_ALIASES: ['查询的别名过多', 'The query has too many aliases'],
  MAX_DEPTH: ['查询层级过深', 'The query is nested too deeply'],
  MAX_DIRECTIVES: ['查询的指令过多', 'The query has too many directives'],
  MAX_COST: ['查询范围过大，请缩小范围', 'The query asks for too much at once'],
  OPERATION_NOT_SUPPORTED: ['不支持的操作类型', 'This kind of operation is not supported'],
  STATEMENT_TIMEOUT: ['查询耗时过长已停止，请缩小范围', 'The query ran too long and was stopped: ask for less'],
  WRITES_PER_MINUTE: ['提交过于频繁，请稍后再试', 'Too many writes: wait a moment'],
  IMPORTS_PER_MINUTE: ['导入过于频繁，请稍后再试', 'Too many imports: wait a moment'],
  SUBSCRIPTIONS_FULL: ['实时更新的连接已满，请稍后再试', 'Too many live connections: try again later'],
};

export type Language = 'zh-CN' | 'en';

/** True for a name in the catalogue. */
export const isRuleName = (rule: string): rule is RuleName => (RULES as readonly string[]).includes(rule);

/** The rule's sentence in `language`, using the refusal's details (a missing tier, the expected form). */
export function ruleSentence(
  rule: RuleName,
  language: Language,
  details?: RefusalDetails,
  names: TierNames = () => undefined,
): string {
  const entry = RULE_TEXT[rule];
  const [zh, en] = typeof entry === 'function' ? entry(details, names) : entry;
  return language === 'en' ? en : zh;
}
