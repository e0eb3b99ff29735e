// The patient survey on the server, answered without logging in with the code from the leaflet:
// whether the code is known and answered, and the answers, once per code. Unknown codes count
// towards a limit per address (429), so the survey is asked for once per visit, never again behind
// the patient's back. Sent without cookies: a patient has no session, and one this browser may
// hold (a GP's, on the practice's computer) must neither be needed nor get in the way.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type SurveyState = components['schemas']['SurveyState'];
export type SurveyAnswer = components['schemas']['SurveyAnswer'];
export type Preference = SurveyAnswer['preference'];

export const kPreferences: readonly Preference[] = ['own_gp', 'hospital', 'no_preference'];
/** The scale of the two rating questions, from worst to best. */
export const kScale = ['1', '2', '3', '4', '5'] as const;
export type ScaleValue = (typeof kScale)[number];

/** The survey of `code` (as typed: either case, with or without the hyphen); 404 for an unknown code, 429 after too many. */
export function useSurvey(code: string) {
  return useQuery({
    queryKey: ['survey', code],
    queryFn: () => call(api.GET('/api/v1/surveys/{code}', { params: { path: { code } }, credentials: 'omit' })),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** Answers the survey of `code`: 201 once; 409 when it was answered already. */
export function answerSurvey(code: string, answer: SurveyAnswer) {
  return call(api.POST('/api/v1/surveys/{code}', { params: { path: { code } }, body: answer, credentials: 'omit' }));
}

/** The code as the address holds it: without the spaces a patient may type around or inside it. */
export function cleanCode(typed: string): string {
  return typed.replace(/\s+/g, '');
}
