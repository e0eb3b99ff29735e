// Absences on the server: one's own and those of the people one coordinates, not yet over; a
// person records their own, a coordinator also one of their people's. An absence takes its person
// off the pool rosters for those days. Types from the OpenAPI contract.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type Absence = components['schemas']['Absence'];
export type NewAbsence = components['schemas']['NewAbsence'];
export type AbsenceReason = Absence['reason'];

export const kAbsenceReasons: readonly AbsenceReason[] = ['holiday', 'illness', 'other'];

export const kAbsencesKey = ['absences'] as const;

export function useAbsences() {
  return useQuery({ queryKey: kAbsencesKey, queryFn: () => call(api.GET('/api/v1/absences')) });
}

/** Without `user_id`, the caller's own; 422 with the field (`last_day`, `user_id`, …) when refused. */
export function addAbsence(absence: NewAbsence) {
  return call(api.POST('/api/v1/absences', { body: absence }));
}

export function removeAbsence(id: number) {
  return call(api.DELETE('/api/v1/absences/{id}', { params: { path: { id } } }));
}
