import type { Ref } from 'vue';
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

/**
 * Runs one request of a page: `error` is cleared first and holds the failure's sentence after; `busy` (when the
 * page shows one) is true meanwhile.
 */
export async function attempt(error: Ref<string>, work: () => Promise<void>, busy?: Ref<boolean>): Promise<void> {
  error.value = '';
  if (busy) busy.value = true;
  try {
    await work();
  } catch (e) {
    error.value = errorText(e);
  } finally {
    if (busy) busy.value = false;
  }
}
