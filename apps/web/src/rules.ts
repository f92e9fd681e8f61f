import { isRuleName, ruleSentence, type RefusalDetails, type RuleName } from '../../../libs/refusals/src/index';
import { tierOf } from './api/reference';
import { locale } from './i18n';

export type { RuleName };

/** The rule's meaning in the page's language (using the refusal's details); unknown rules fall back to the API's message. */
export function ruleText(rule: string | null | undefined, fallback: string, details?: RefusalDetails): string {
  if (!rule || !isRuleName(rule)) return fallback;
  return ruleSentence(rule, locale.value, details, tierOf);
}
