// What the region's coordinators keep on the server: organisations, pools, question templates and
// agreements (types from the OpenAPI contract), their query keys and the calls the screens use.
// Every key starts with 'region', so one invalidation after a change refreshes all of them.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type Organisation = components['schemas']['Organisation'];
export type OrganisationKind = components['schemas']['OrganisationKind'];
export type Pool = components['schemas']['Pool'];
export type PoolChange = components['schemas']['PoolChange'];
export type FieldType = components['schemas']['FieldType'];
export type TemplateField = components['schemas']['TemplateField'];
export type TemplateFieldInput = components['schemas']['TemplateFieldInput'];
export type QuestionTemplate = components['schemas']['QuestionTemplate'];
export type QuestionTemplateDetail = components['schemas']['QuestionTemplateDetail'];
export type NewQuestionTemplate = components['schemas']['NewQuestionTemplate'];
export type QuestionTemplateChange = components['schemas']['QuestionTemplateChange'];
export type Agreement = components['schemas']['Agreement'];
/** An agreement with its versions. */
export type AgreementDetail = components['schemas']['AgreementDetail'];
export type NewAgreement = components['schemas']['NewAgreement'];
export type AgreementChange = components['schemas']['AgreementChange'];

/** Every kind of question, in the order the template editor offers them. */
export const kFieldTypes: readonly FieldType[] = ['text', 'number', 'yes_no', 'choice', 'date', 'photo'];

export const regionKeys = {
  all: ['region'] as const,
  organisations: ['region', 'organisations'] as const,
  pools: ['region', 'pools'] as const,
  templates: ['region', 'templates'] as const,
  template: (id: number) => ['region', 'templates', id] as const,
  agreements: ['region', 'agreements'] as const,
  agreement: (id: number) => ['region', 'agreements', id] as const,
};

/** The region's organisations; `in_scope` marks those the caller acts for. Coordinators and administrators only. */
export function useOrganisations() {
  return useQuery({
    queryKey: regionKeys.organisations,
    queryFn: () => call(api.GET('/api/v1/organisations')),
  });
}

/** The region's pools with their members; `may_change` marks the caller's own. */
export function usePools() {
  return useQuery({ queryKey: regionKeys.pools, queryFn: () => call(api.GET('/api/v1/pools')) });
}

/** The templates the caller keeps, and those asked by an agreement the caller sees. */
export function useTemplates() {
  return useQuery({ queryKey: regionKeys.templates, queryFn: () => call(api.GET('/api/v1/templates')) });
}

/** One template with its versions (oldest first); 404 for one the caller may not see. */
export function useTemplate(id: number) {
  return useQuery({
    queryKey: regionKeys.template(id),
    queryFn: () => call(api.GET('/api/v1/templates/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** The agreements of the caller's GP organisations and of the caller's pools. */
export function useAgreements() {
  return useQuery({ queryKey: regionKeys.agreements, queryFn: () => call(api.GET('/api/v1/agreements')) });
}

/** One agreement with its versions (oldest first); 404 for another care group's. */
export function useAgreement(id: number) {
  return useQuery({
    queryKey: regionKeys.agreement(id),
    queryFn: async () => call(api.GET('/api/v1/agreements/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

export function changePool(id: number, body: PoolChange) {
  return call(api.PATCH('/api/v1/pools/{id}', { params: { path: { id } }, body }));
}

export function createTemplate(body: NewQuestionTemplate) {
  return call(api.POST('/api/v1/templates', { body }));
}

/** A new version of template `id`; with `version`, a 409 when someone else changed it first. */
export function changeTemplate(id: number, body: QuestionTemplateChange) {
  return call(api.PATCH('/api/v1/templates/{id}', { params: { path: { id } }, body }));
}

export function createAgreement(body: NewAgreement) {
  return call(api.POST('/api/v1/agreements', { body }));
}

/** A new version of agreement `id`; with `version`, a 409 when someone else changed it first. */
export function changeAgreement(id: number, body: AgreementChange) {
  return call(api.PATCH('/api/v1/agreements/{id}', { params: { path: { id } }, body }));
}
