// The API clients on the server: the systems that call the FHIR API for one organisation, acting
// for one of its members, each known by its client_id and the public key it signs with. Only
// administrators list, register and revoke them; others get 403. Types from the OpenAPI contract.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type ApiClient = components['schemas']['ApiClient'];
export type NewApiClient = components['schemas']['NewApiClient'];

export const apiClientKeys = {
  all: ['api-clients'] as const,
};

/** Every registered client, newest first, revoked ones included. */
export function useApiClients() {
  return useQuery({ queryKey: apiClientKeys.all, queryFn: () => call(api.GET('/api/v1/api-clients')) });
}

/** Registers a client; 422 names the refused field (name, organisation_id, user_id, scopes, public_key). */
export function registerApiClient(client: NewApiClient) {
  return call(api.POST('/api/v1/api-clients', { body: client }));
}

/** Revokes client `id` (its tokens stop working at once); 409 when it was revoked already. */
export function revokeApiClient(id: number) {
  return call(api.POST('/api/v1/api-clients/{id}/revoke', { params: { path: { id } } }));
}

/**
 * The scopes most systems ask for, offered as boxes to tick: tasks read, updated and searched;
 * requests and messages created, read and searched; patients read and searched. Anything else is
 * typed in (SMART v2, `system/<Resource>.<cruds>`), and the server checks every one.
 */
export const kCommonScopes = [
  'system/Task.rus',
  'system/ServiceRequest.crs',
  'system/Patient.rs',
  'system/Communication.crs',
] as const;

export type CommonScope = (typeof kCommonScopes)[number];

/** The scopes as the server takes them: the ticked ones, then the typed words, each once, space-separated. */
export function joinScopes(ticked: readonly string[], typed: string): string {
  const words = [...ticked, ...typed.split(/\s+/).filter(Boolean)];
  return [...new Set(words)].join(' ');
}

/**
 * The address a system asks its tokens at. The server names it absolutely (its public URL when it
 * has one, behind a proxy); an older server's path is resolved against this site's origin.
 */
export function absoluteTokenUrl(url: string, origin: string = window.location.origin): string {
  return new URL(url, origin).href;
}
