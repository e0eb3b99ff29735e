// The patient leaflet of a consult on the server: its survey code and where the survey is. Asking
// is a POST (the first one makes the code) that gives the same code every time, so the screen asks
// once per visit and keeps the answer; the key is not a consult key, which the change poller
// would refresh.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import type { Consult } from '../consults/api';

export type Leaflet = components['schemas']['Leaflet'];

/** The leaflet of consult `id`, for the GP or assistant of its practice once it is sent. */
export function useLeaflet(id: number) {
  return useQuery({
    queryKey: ['leaflet', id],
    queryFn: () => call(api.POST('/api/v1/consults/{id}/leaflet', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Whether the viewer is offered the leaflet: the practice's GP or assistant, for a consult that went out. */
export function offersLeaflet(consult: Consult): boolean {
  const ofPractice = consult.viewer_role === 'gp' || consult.viewer_role === 'assistant';
  return ofPractice && consult.sent_at !== null && consult.status !== 'cancelled';
}

/** The survey's full address for the leaflet: this site's, with the path the server gives. */
export function surveyAddress(leaflet: Leaflet, origin: string = window.location.origin): string {
  return origin + leaflet.survey_path;
}
