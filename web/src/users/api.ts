// The users a coordinator or an administrator manages, and the single-use password reset link
// they hand to one of them. Types from the OpenAPI contract.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type ManagedUser = components['schemas']['ManagedUser'];
export type PasswordResetLink = components['schemas']['PasswordResetLink'];
export type PasswordResetOptions = components['schemas']['PasswordResetOptions'];

export const kManagedUsersKey = ['managed-users'] as const;

/** Coordinators: their organisation and the practices under it; administrators: everyone; others 403. */
export function useManagedUsers() {
  return useQuery({
    queryKey: kManagedUsersKey,
    queryFn: () => call(api.GET('/api/v1/users')),
  });
}

/**
 * A new single-use link for user `id` (it voids their previous one). By default the link resets
 * the password only; with `{second_factor: true, identity_checked: true}` it removes the user's
 * second factor too (the server refuses `second_factor` without `identity_checked`, 422 on that
 * field). No options are sent as an empty JSON object.
 */
export function issuePasswordReset(id: number, options: PasswordResetOptions = {}) {
  return call(api.POST('/api/v1/users/{id}/password-reset', { params: { path: { id } }, body: options }));
}

/** The address to hand over: this app's origin and the server's path (the token after `#`). */
export function fullResetLink(path: string, origin: string = window.location.origin): string {
  return origin + (path.startsWith('/') ? path : `/${path}`);
}

export type Invitation = components['schemas']['Invitation'];
export type InvitationLink = components['schemas']['InvitationLink'];
export type Role = components['schemas']['Role'];

/** The roles a coordinator hands out; the server refuses one that does not fit the organisation (field `role`). */
export const kInvitableRoles: readonly Role[] = ['gp', 'assistant', 'specialist', 'coordinator', 'analyst', 'privacy_officer'];

/**
 * A new account in organisations the caller manages and its single-use link (24 hours) with which
 * the person chooses a password. 403 `reauthentication_required` without the caller's password
 * from the last minutes; 409 on `username` when it is taken; 422 on `role` or `memberships`.
 */
export function inviteUser(invitation: Invitation) {
  return call(api.POST('/api/v1/users', { body: invitation }));
}

/** Ends every login of user `id` at once and refuses new ones; the name stays in the history. */
export function deactivateUser(id: number) {
  return call(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id } } }));
}

/** Lets user `id` log in again. */
export function reactivateUser(id: number) {
  return call(api.POST('/api/v1/users/{id}/reactivate', { params: { path: { id } } }));
}
