// Launch from the HIS: a GP practice's HIS opens `/launch#token=<JWT>` (or `?token=` where it
// cannot use a fragment), a link it signed with the key a coordinator registered for the practice.
// The page shows whose link it is, takes the GP's code and, with it, the server logs the GP in (its
// HttpOnly cookie) and makes a new draft with the patient from the HIS. Every bad link (invalid,
// expired, used, another practice's, a revoked key's) is a 401 `launch_invalid` with one sentence.
import type { QueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import type { components } from '../api/schema';
import i18n from '../i18n/i18n';
import { acceptLogin, type User } from '../session/session';

type LaunchAnswer = components['schemas']['LaunchAnswer'];

/** Whose link it is: the GP it logs in, and their practice. */
export interface LaunchPreview {
  gpName: string;
  practiceName: string;
}

/** The code the server gives every bad link, whichever check failed. */
export const kLaunchInvalid = 'launch_invalid';

/** Whether `error` says the link itself is no good (asking again with another code cannot help). */
export function isBadLink(error: unknown): boolean {
  return error instanceof ApiError && (error.code === kLaunchInvalid || error.field === 'token');
}

/** The token from the address: the fragment's `token=` first (it reaches no server log), else the query's; '' when absent. */
export function launchToken(hash: string, search: string): string {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return (fromHash ?? new URLSearchParams(search).get('token') ?? '').trim();
}

/** The address's query and fragment without the token, to replace the address with once it is read. */
export function withoutToken(search: string, hash: string): { search: string; hash: string } {
  const rest = (text: string, prefix: string) => {
    const params = new URLSearchParams(text.replace(/^[?#]/, ''));
    params.delete('token');
    const left = params.toString();
    return left ? prefix + left : '';
  };
  return { search: rest(search, '?'), hash: rest(hash, '#') };
}

/** Checks the link without using it up: whose it is. */
export async function previewLaunch(token: string): Promise<LaunchPreview> {
  const answer = await call(api.POST('/api/v1/launch', { body: { token } }));
  // The contract types the preview's user as a bare object; it names the GP.
  const user = answer.user as { display_name?: string } | undefined;
  return { gpName: user?.display_name ?? '', practiceName: answer.practice?.name ?? '' };
}

/**
 * Sends the link with the GP's code: the server logs the GP in (the cookie), which this tab takes
 * on as a login from the login page, and makes the draft; returns the draft's id. A wrong code is
 * a 401 at field `otp` and leaves the link for another try; too many tries a 429.
 */
export async function openLaunch(queryClient: QueryClient, token: string, otp: string): Promise<number> {
  const answer: LaunchAnswer = await call(api.POST('/api/v1/launch', { body: { token, otp } }));
  if (answer.status !== 'launched' || answer.consult_id === undefined || !answer.csrf_token || !answer.user) {
    throw new ApiError(200, 'unexpected', i18n.t('errors.unknown'));
  }
  // After the code the user is the full User, as the log-in answers it (the contract says only "object").
  acceptLogin(queryClient, answer.user as unknown as User, answer.csrf_token);
  return answer.consult_id;
}
