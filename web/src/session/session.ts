// Who is logged in, as TanStack Query data under ['me']: a User, or null when not logged in.
// The browser session is the HttpOnly cookie; this module only asks the server about it.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { setCsrfToken } from '../api/csrf';
import { toApiError } from '../api/errors';
import type { components } from '../api/schema';
import i18n from '../i18n/i18n';
import { forgetAllForms } from '../lib/formMemory';
import { forgetAllPendingFiles } from '../lib/pendingFiles';
import { setSessionExpired } from './expiry';

export type User = components['schemas']['User'];
export type Role = components['schemas']['Role'];

export const kMeKey = ['me'] as const;

async function fetchMe(): Promise<User | null> {
  const { data, response } = await api.GET('/api/v1/me');
  if (response.status === 401) return null;
  if (!response.ok || !data) throw toApiError(response.status, null, i18n.t('errors.status', { status: response.status }));
  setCsrfToken(data.csrf_token);
  return data;
}

/** The logged-in user; `undefined` while the first answer is on its way. */
export function useMe(): { user: User | null | undefined; isError: boolean } {
  const query = useQuery({ queryKey: kMeKey, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
  return { user: query.data, isError: query.isError };
}

export function hasRole(user: User | null | undefined, role: Role): boolean {
  return !!user?.roles.includes(role);
}

/**
 * Whether this login must first set up a second factor: the user's role sees patient data and the
 * login has none, so the server gives it nothing but the enrolment (memberships and pools empty).
 */
export function mustEnrolSecondFactor(user: User | null | undefined): boolean {
  return !!user?.second_factor.required;
}

/** Asks the server again who is logged in (after the second factor changed what this login may do). */
export async function refreshMe(queryClient: QueryClient): Promise<void> {
  await queryClient.fetchQuery({ queryKey: kMeKey, queryFn: fetchMe, staleTime: 0 });
}

/** Any 401: the session is gone. Keeps other cached data, so the same user can go on after log-in. */
export function handleSessionLost(queryClient: QueryClient): void {
  const wasLoggedIn = !!queryClient.getQueryData<User | null>(kMeKey);
  setCsrfToken(null);
  queryClient.setQueryData(kMeKey, null);
  if (wasLoggedIn) setSessionExpired(true);
}

export interface Credentials {
  username: string;
  password: string;
  /** The authenticator app's code or a recovery code; only once the server asked for it (otp_required). */
  otp?: string;
}

export async function logIn(queryClient: QueryClient, { username, password, otp }: Credentials): Promise<User> {
  const result = await call(
    api.POST('/api/v1/session', {
      body: otp === undefined ? { username, password } : { username, password, otp },
      // Asks for the cookie session (with a CSRF token) instead of a bearer token in the body.
      headers: { 'X-Meekijk-Client': 'web' },
    }),
  );
  acceptLogin(queryClient, result.user, result.csrf_token);
  return result.user;
}

/**
 * A login the server has just opened (its HttpOnly cookie set): by the log-in form, or by a launch
 * link from the HIS. Keeps the CSRF token in memory and makes `user` the one logged in.
 */
export function acceptLogin(queryClient: QueryClient, user: User, csrfToken: string | undefined): void {
  const previous = queryClient.getQueryData<User | null>(kMeKey) ?? lastUser;
  setCsrfToken(csrfToken);
  if (previous && previous.id !== user.id) {
    // Someone else took over the tab after an expiry: none of the previous user's data or typing.
    queryClient.clear();
    forgetAllForms(sessionStorage);
    forgetAllPendingFiles();
  }
  lastUser = user;
  setSessionExpired(false);
  queryClient.setQueryData(kMeKey, user);
}

// The user before an expiry, to notice when a different person logs in afterwards.
let lastUser: User | null = null;

export function rememberUser(user: User | null | undefined): void {
  if (user) lastUser = user;
}

export async function logOut(queryClient: QueryClient): Promise<void> {
  try {
    await call(api.DELETE('/api/v1/session'));
  } finally {
    // Whatever the server said, this tab forgets everything about the session.
    setCsrfToken(null);
    forgetAllForms(sessionStorage);
    forgetAllPendingFiles();
    lastUser = null;
    setSessionExpired(false);
    queryClient.clear();
    queryClient.setQueryData(kMeKey, null);
  }
}
