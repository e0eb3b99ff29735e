// Choosing a new password with the token from a reset link, without being logged in.
import { api, call } from '../api/client';

/**
 * 204 when changed (all the user's sessions end); 404 for an unknown, used or expired token; 422
 * with field `password` for a password the server refuses. Sent without cookies: this page is
 * for someone not logged in, and a session this browser may still hold (someone else's, or an
 * old one without its CSRF token in memory) must neither be needed nor get in the way.
 */
export function resetPassword(token: string, password: string) {
  return call(api.POST('/api/v1/password-reset', { body: { token, password }, credentials: 'omit' }));
}

/** The token from the address's fragment (`#<token>`, so it reaches no server log); '' when absent. */
export function tokenFromHash(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}
