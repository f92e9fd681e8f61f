import { locale } from './i18n';

/** What each refusal rule the API names (extensions.rule) means, in both languages. */
const RULE_TEXT: Record<string, [zh: string, en: string]> = {
  CREDIT_CODE_LENGTH: ['统一社会信用代码应为 18 位', 'A credit code has 18 characters'],
  CREDIT_CODE_CHARACTER: ['统一社会信用代码含不允许的字符', 'The credit code has a character that is not allowed'],
  CREDIT_CODE_CHECK: ['统一社会信用代码校验位不正确', 'The credit code check character is wrong'],
  DATE_FORMAT: ['日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD'],
  DATE_BEFORE_FLOOR: ['日期早于系统可记录的最早日期', 'The date is before the earliest date the ledger records'],
  DISTRICT_UNKNOWN: ['未知的区', 'Unknown district'],
  NAME_REQUIRED: ['企业名称必填', 'The name is required'],
  NAME_TOO_LONG: ['企业名称过长', 'The name is too long'],
  NAME_UNCHANGED: ['新名称与现名称相同', 'The new name is the current name'],
  NAME_CONTROL_CHARACTER: ['名称含控制字符', 'The name contains a control character'],
  TEXT_TOO_LONG: ['文字过长', 'The text is too long'],
  REASON_REQUIRED: ['必须填写原因', 'A reason is required'],
  REVOCATION_REASON_UNKNOWN: ['未知的撤销原因', 'Unknown revocation reason'],
  TIER_UNKNOWN: ['未知的认定类型', 'Unknown tier'],
  TIER_NOT_GRANTABLE: ['该类型是组合口径，不能直接认定', 'This tier is a group: it is held through its members'],
  LEVEL_NOT_ALLOWED: ['该类型不设此级别', 'This tier has no such level'],
  METRIC_UNKNOWN: ['未知的统计口径', 'Unknown metric'],
  TARGET_NOT_NON_NEGATIVE_INTEGER: ['目标应为非负整数', 'A target is a whole number, zero or more'],
  CERTIFICATE_NO_FORMAT: ['证书编号格式不正确', 'The certificate number is not in the expected form'],
  EFFECTIVE_DATE_IN_FUTURE: ['日期不能晚于今天', 'The date is after today'],
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
  NO_ACTIVE_GRANT: ['该企业没有此类有效认定', 'The enterprise holds no active grant of this tier'],
  PREREQUISITE_MISSING: ['未持有前置梯级的有效认定', 'The rung below is not held on that date'],
  RETRACTION_TARGET_NOT_FOUND: ['未找到要撤回的认定', 'The grant to retract was not found'],
  RETRACTION_TIER_MISMATCH: ['所选记录不是该类型的认定', 'That record is not of this tier'],
  ALREADY_RETRACTED: ['该记录已撤回', 'That record is already retracted'],
  IDEMPOTENCY_KEY_REUSED: ['同一提交编号已用于不同的操作', 'The command id was used for a different request'],
  VERSION_MISMATCH: ['该企业已被他人修改，请刷新后重试', 'Someone changed the enterprise meanwhile: reload and retry'],
  NAME_NOT_FOUND: ['按名称未找到企业', 'No enterprise has that name'],
  NAME_AMBIGUOUS: ['该名称对应多家企业', 'Several enterprises have that name'],
};

/** The rule's meaning in the page's language; unknown rules fall back to the API's own message. */
export function ruleText(rule: string | undefined, fallback: string): string {
  const text = rule ? RULE_TEXT[rule] : undefined;
  if (!text) return fallback;
  return locale.value === 'en' ? text[1] : text[0];
}
