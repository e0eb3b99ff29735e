// Consults on the server: types (from the OpenAPI contract), query keys and the calls the screens
// use. Every consult query key starts with 'consults', so a change seen by the poller
// (useChangesPolling) refreshes them all with one invalidation.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type ConsultSummary = components['schemas']['ConsultSummary'];
export type Consult = components['schemas']['Consult'];
/** What the caller may do on a consult; the server says which in `allowed_actions`. */
export type ConsultAction = Consult['allowed_actions'][number];
export type ConsultStatus = components['schemas']['ConsultStatus'];
export type NewConsult = components['schemas']['NewConsult'];
export type Specialty = components['schemas']['Specialty'];
/** A pool a GP may send a specialty's consults to, with the agreement's response time, modes and template. */
export type SpecialtyPool = components['schemas']['SpecialtyPool'];
/** One version of a question template, as a consult's answers are written to it. */
export type TemplateVersion = components['schemas']['QuestionTemplateVersion'];
/** One answer to a template question: text, a number or yes/no (true/false). */
export type TemplateAnswer = string | number | boolean;
export type Attachment = components['schemas']['Attachment'];
export type Recommendation = components['schemas']['Recommendation'];
export type OutcomeKind = components['schemas']['OutcomeKind'];
/** The kinds of message a person writes; advice goes through giveAdvice. */
export type MessageKind = components['schemas']['MessageRequest']['kind'];
export type Box = 'outbox' | 'inbox' | 'pool' | 'coordination';

export const kConsultStatuses: readonly ConsultStatus[] = [
  'draft', 'sent', 'claimed', 'info_requested', 'answered', 'closed', 'declined', 'cancelled',
];
export const kRecommendations: readonly Recommendation[] = ['primary_care', 'refer', 'physical_session', 'other'];
export const kOutcomes: readonly OutcomeKind[] = ['primary_care', 'referred', 'referred_elsewhere'];

export interface ListFilters {
  status?: ConsultStatus | '';
  specialty?: string;
  q?: string;
}

export const consultKeys = {
  all: ['consults'] as const,
  list: (box: Box, filters: ListFilters) => ['consults', 'list', box, filters] as const,
  one: (id: number) => ['consults', 'one', id] as const,
};

const kPageSize = 50;

export function fetchConsultPage(box: Box, filters: ListFilters, cursor: string | undefined) {
  return call(
    api.GET('/api/v1/consults', {
      params: {
        query: {
          box,
          status: filters.status || undefined,
          specialty: filters.specialty || undefined,
          q: filters.q?.trim() || undefined,
          cursor,
          limit: kPageSize,
        },
      },
    }),
  );
}

export function useConsult(id: number) {
  return useQuery({
    queryKey: consultKeys.one(id),
    queryFn: () => call(api.GET('/api/v1/consults/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useSpecialties() {
  return useQuery({
    queryKey: ['specialties'],
    queryFn: () => call(api.GET('/api/v1/specialties')),
    staleTime: 5 * 60_000,
  });
}

/** The specialty's name in the UI language, or its code when it is not (or not yet) known. */
export function specialtyName(specialties: readonly Specialty[] | undefined, code: string, language: string): string {
  const specialty = specialties?.find((s) => s.code === code);
  if (!specialty) return code;
  return language === 'en' ? specialty.name_en : specialty.name;
}

export function createConsult(body: NewConsult) {
  return call(api.POST('/api/v1/consults', { body }));
}

export function updateDraft(id: number, body: NewConsult) {
  const { send: _ignored, ...draft } = body;
  return call(api.PUT('/api/v1/consults/{id}', { params: { path: { id } }, body: draft }));
}

type SimpleAction = 'send' | 'claim' | 'cancel';

export function runAction(id: number, action: SimpleAction) {
  const params = { params: { path: { id } } };
  switch (action) {
    case 'send':
      return call(api.POST('/api/v1/consults/{id}/send', params));
    case 'claim':
      return call(api.POST('/api/v1/consults/{id}/claim', params));
    case 'cancel':
      return call(api.POST('/api/v1/consults/{id}/cancel', params));
  }
}

export function declineConsult(id: number, reason: string) {
  return call(api.POST('/api/v1/consults/{id}/decline', { params: { path: { id } }, body: { reason } }));
}

export function forwardConsult(id: number, poolId: number) {
  return call(api.POST('/api/v1/consults/{id}/forward', { params: { path: { id } }, body: { pool_id: poolId } }));
}

/** Gives a sent or claimed consult to one of its pool's specialists (one of `assign_specialists`). */
export function assignConsult(id: number, specialistId: number) {
  return call(api.POST('/api/v1/consults/{id}/assign', { params: { path: { id } }, body: { specialist_id: specialistId } }));
}

export function postMessage(id: number, kind: MessageKind, body: string) {
  return call(api.POST('/api/v1/consults/{id}/messages', { params: { path: { id } }, body: { kind, body } }));
}

/** What the specialist may add to the advice: the minutes spent (they add up) and how well the question was put (1–5). */
export type AdviceExtras = Pick<components['schemas']['AdviceRequest'], 'minutes' | 'question_rating'>;

export function giveAdvice(id: number, recommendation: Recommendation, body: string, extras: AdviceExtras = {}) {
  return call(api.POST('/api/v1/consults/{id}/advice', { params: { path: { id } }, body: { recommendation, body, ...extras } }));
}

/** `learned` undefined (not answered) is left out of the body, so the server names the field. */
export function closeConsult(id: number, outcome: OutcomeKind, learned: boolean | undefined, rating: number) {
  return call(
    api.POST('/api/v1/consults/{id}/close', {
      params: { path: { id } },
      body: { outcome, learned: learned as boolean, rating },
    }),
  );
}

/** Corrects a closed consult's outcome (its practice's GP), with the reason; the fees get a visible correction line. */
export function correctOutcome(id: number, outcome: OutcomeKind, reason: string) {
  return call(api.POST('/api/v1/consults/{id}/outcome', { params: { path: { id } }, body: { outcome, reason } }));
}

/** Uploads one file as the raw request body; the server recognises JPEG, PNG and PDF by their bytes. */
export function uploadAttachment(id: number, file: File) {
  return call(
    api.POST('/api/v1/consults/{id}/attachments', {
      params: { path: { id }, header: { 'X-Filename': encodeURIComponent(file.name) } },
      // The contract types a binary body as string; the File goes out unchanged as the body.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}

export function attachmentUrl(id: number, download = false): string {
  return `/api/v1/attachments/${id}${download ? '?download=1' : ''}`;
}
