import * as oauth from 'oauth4webapi';
import type { ServiceInfo } from '../api/queries';

/** Where the provider sends the browser back (a client route: the API's SPA fallback serves the page). */
export const CALLBACK_PATH = '/signin/callback';
const PENDING_KEY = 'cl.oidc.pending';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  resource?: string;
}

export function oidcSettings(info: ServiceInfo | undefined): OidcSettings | undefined {
  if (!info?.oidcIssuer || !info.oidcClientId) return undefined;
  return {
    issuer: info.oidcIssuer,
    clientId: info.oidcClientId,
    scope: info.oidcScope ?? 'openid profile',
    ...(info.oidcResource ? { resource: info.oidcResource } : {}),
  };
}

/** Plain http only for a provider on this machine (development and tests). */
function requestOptions(issuer: URL): { [oauth.allowInsecureRequests]?: boolean } {
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  return issuer.protocol === 'http:' && loopback ? { [oauth.allowInsecureRequests]: true } : {};
}

async function discover(settings: OidcSettings): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(settings.issuer);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...requestOptions(issuer) });
  return oauth.processDiscoveryResponse(issuer, response);
}

function redirectUri(): string {
  return `${location.origin}${CALLBACK_PATH}`;
}

/** Authorization code with PKCE: sends the browser to the provider. */
export async function startSignIn(settings: OidcSettings): Promise<void> {
  const as = await discover(settings);
  if (!as.authorization_endpoint) throw new Error('the provider has no authorization endpoint');
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ codeVerifier, state, nonce }));
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  url.searchParams.set('nonce', nonce);
  if (settings.resource) url.searchParams.set('resource', settings.resource);
  location.assign(url.href);
}

/** On the callback route: exchanges the code (with the verifier) for the access token the API accepts. */
export async function finishSignIn(settings: OidcSettings, callbackUrl: URL): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as {
    codeVerifier: string;
    state: string;
    nonce: string;
  } | null;
  sessionStorage.removeItem(PENDING_KEY);
  if (!pending) throw new Error('no sign-in was started in this tab');
  const as = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const auth = oauth.None();
  const params = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    auth,
    params,
    redirectUri(),
    pending.codeVerifier,
    {
      ...requestOptions(new URL(settings.issuer)),
      ...(settings.resource ? { additionalParameters: { resource: settings.resource } } : {}),
    },
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  return result.access_token;
}
