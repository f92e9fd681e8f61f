import { ApiError, send } from '../api/graphql';
import { SIGN_IN_CHECK } from '../api/queries';
import { t } from '../i18n';
import { ruleText } from '../rules';
import { readToken } from './session';

/**
 * Why `token` cannot sign in, as one sentence in the page's language, or null when it can: first what the token
 * itself shows (not a token, expired, no known role), then whether the API accepts it (signature, issuer…).
 */
export async function signInRefusal(token: string): Promise<string | null> {
  const read = readToken(token);
  if (!('sub' in read)) {
    if (read.rule !== 'ROLE_UNKNOWN') return ruleText(read.rule, t('unauthenticated'));
    return read.roles.length > 0 ? t('roleUnknown', { roles: read.roles.join('、') }) : t('roleMissing');
  }
  try {
    await send(SIGN_IN_CHECK.toString(), {}, token.trim());
    return null;
  } catch (e) {
    if (!(e instanceof ApiError) || e.first.code !== 'UNAUTHENTICATED') throw e;
    return ruleText(e.first.rule, t('unauthenticated'), e.first.details);
  }
}
