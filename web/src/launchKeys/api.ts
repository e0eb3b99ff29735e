// The keys GP practices' HISes sign their launch links with (see ../launch): each registered by a
// coordinator of the practice or an administrator, known to the HIS by its key_id (the links'
// iss). Coordinators see and manage those of the practices they coordinate, administrators all;
// others get 403. Types from the OpenAPI contract.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import type { Organisation } from '../region/api';

export type LaunchKey = components['schemas']['LaunchKey'];
export type NewLaunchKey = components['schemas']['NewLaunchKey'];

export const launchKeyKeys = {
  all: ['launch-keys'] as const,
};

/** The keys within the caller's reach, revoked ones included. */
export function useLaunchKeys() {
  return useQuery({ queryKey: launchKeyKeys.all, queryFn: () => call(api.GET('/api/v1/launch-keys')) });
}

/** Registers a key; 422 names the refused field (organisation_id, name, public_key). */
export function registerLaunchKey(key: NewLaunchKey) {
  return call(api.POST('/api/v1/launch-keys', { body: key }));
}

/** Revokes key `id`: its links are refused from now on; 409 when it was revoked already. */
export function revokeLaunchKey(id: number) {
  return call(api.POST('/api/v1/launch-keys/{id}/revoke', { params: { path: { id } } }));
}

/** The practices a key may be registered for: the GP practices the caller acts for, by name. */
export function practicesOf(organisations: readonly Organisation[]): Organisation[] {
  return organisations
    .filter((o) => o.kind === 'gp_practice' && o.in_scope)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The address the HIS opens, `<origin>/launch`: the links' aud, with `#token=<JWT>` after it. */
export function launchUrl(path: string, origin: string = window.location.origin): string {
  return origin + (path.startsWith('/') ? path : `/${path}`);
}
