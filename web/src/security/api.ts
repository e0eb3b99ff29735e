// The user's own security on the server: changing the password, enrolling a second factor (with
// re-authentication first when one exists already) and the list of their sessions. Types from the
// OpenAPI contract.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type OtpEnrolment = components['schemas']['OtpEnrolment'];
export type LoginSession = components['schemas']['LoginSession'];

export const kSessionsKey = ['sessions'] as const;

/** A new secret, pending until confirmed; 403 reauthentication_required when a factor exists and the password is not fresh. */
export function beginOtpEnrolment() {
  return call(api.POST('/api/v1/me/otp'));
}

/** Turns the pending secret on with one of its codes; returns the ten recovery codes, shown only now. */
export function confirmOtp(otp: string) {
  return call(api.POST('/api/v1/me/otp/confirm', { body: { otp } }));
}

/** The password (and a code) again, for changing the second factor. */
export function reauthenticate(password: string, otp: string) {
  return call(api.POST('/api/v1/me/reauthenticate', { body: { password, otp } }));
}

export function useLoginSessions() {
  return useQuery({
    queryKey: kSessionsKey,
    queryFn: () => call(api.GET('/api/v1/me/sessions')),
  });
}

export function endSession(id: string) {
  return call(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));
}

export function endOtherSessions() {
  return call(api.DELETE('/api/v1/me/sessions'));
}

/**
 * A new password, with the current one; the user's other sessions end, this one stays. 422 with
 * field `current_password` when that is wrong, `new_password` when the new one is refused.
 */
export function changePassword(currentPassword: string, newPassword: string) {
  return call(api.POST('/api/v1/me/password', { body: { current_password: currentPassword, new_password: newPassword } }));
}
