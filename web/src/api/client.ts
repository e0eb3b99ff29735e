// The one client of the REST API. Its types come from ../docs/openapi.json (npm run generate), so a
// changed contract fails `npm run typecheck`. Every request carries the UI language (server
// messages come back in it), when unsafe the CSRF token, and when nobody is at the screen a mark
// that it is not the user's activity; every 401 reports a lost session, except where it answers a
// password, code or link the user gave (log-in, re-authentication, launch from the HIS).
import createClient, { type Middleware } from 'openapi-fetch';
import i18n from '../i18n/i18n';
import { csrfToken } from './csrf';
import { isAway } from './presence';
import { ApiError, toApiError } from './errors';
import type { paths } from './schema';
import { reportSessionLost } from './sessionEvents';

const kUnsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// A 401 here means "that password, code or launch link is wrong": the form that sent it shows the
// sentence. Should the session itself have ended meanwhile, the change poller's next request says so.
const kCredentialPaths = new Set(['/api/v1/session', '/api/v1/me/reauthenticate', '/api/v1/launch']);

const commonHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language === 'en' ? 'en, nl;q=0.5' : 'nl, en;q=0.5');
    const token = csrfToken();
    if (token && kUnsafeMethods.has(request.method)) request.headers.set('X-CSRF-Token', token);
    // Nobody at the screen: the server does not count this request as activity (presence.ts).
    if (isAway()) request.headers.set('X-Meekijk-Activity', 'background');
    return request;
  },
  onResponse({ request, response }) {
    const checksCredentials = request.method === 'POST' && kCredentialPaths.has(new URL(request.url).pathname);
    if (response.status === 401 && !checksCredentials) reportSessionLost();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(commonHeaders);

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an `api.GET/POST/...` call and returns its data, or throws an ApiError whose message is
 * the server's sentence (or a translated one when the network or a proxy failed).
 */
export async function call<R extends FetchResult>(request: Promise<R>): Promise<NonNullable<R['data']>> {
  let result: R;
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  if (!result.response.ok) {
    throw toApiError(result.response.status, result.error, i18n.t('errors.status', { status: result.response.status }));
  }
  return result.data as NonNullable<R['data']>;
}
