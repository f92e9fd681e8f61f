import { t } from '../i18n';
import { ruleText } from '../rules';
import { ApiError, type ApiErrorDetail } from './graphql';

/** One refusal or failure in the page's language, with the rule the API named. */
export function detailText(detail: ApiErrorDetail): string {
  if (detail.code === 'UNAUTHENTICATED') return t('unauthenticated');
  if (detail.code === 'STALE_READ') return t('staleRead');
  if (detail.code === 'NETWORK') return t('networkError');
  const explained =
    detail.code === 'FORBIDDEN' ? t('forbidden') : ruleText(detail.rule, detail.message, detail.details);
  const rule = detail.rule ?? (detail.code && detail.code !== 'INTERNAL_SERVER_ERROR' ? detail.code : undefined);
  return rule ? `${explained}（${t('rule')}: ${rule}）` : explained;
}

/** What to show for anything a request threw. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return detailText(error.first);
  return error instanceof Error ? error.message : String(error);
}
