// The triple-aim figures on the server (GET /api/v1/reports/triple-aim): figures only, never a
// consult or a patient, for the caller's organisations (the server decides the scope); groups
// smaller than the report's min_group_size come back suppressed, every figure null. Types from
// the OpenAPI contract; definitions of every figure in docs/triple-aim.md.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components, operations } from '../api/schema';

export type TripleAimReport = components['schemas']['TripleAimReport'];
export type TripleAimFigures = components['schemas']['TripleAimFigures'];
export type ConsultMode = components['schemas']['ConsultMode'];
type ReportQuery = operations['tripleAimReport']['parameters']['query'];
export type GroupBy = NonNullable<ReportQuery['group_by']>;

export const kGroupings: readonly GroupBy[] = ['month', 'specialty', 'organisation'];
export const kModes: readonly ConsultMode[] = ['digital', 'physical'];

/** What the page asks for, as the address holds it: days as YYYY-MM-DD, the last one included. */
export interface ResultsFilters {
  from: string;
  to: string;
  specialty?: string;
  mode?: ConsultMode;
}

export const resultsKeys = {
  all: ['triple-aim'] as const,
  report: (filters: ResultsFilters, groupBy: GroupBy) => ['triple-aim', filters, groupBy] as const,
};

/** The filters as the API's query, grouped by `groupBy`; filters not chosen are left out. */
export function toReportQuery(filters: ResultsFilters, groupBy: GroupBy): ReportQuery {
  const query: ReportQuery = { from: filters.from, to: filters.to, group_by: groupBy };
  if (filters.specialty) query.specialty = filters.specialty;
  if (filters.mode) query.mode = filters.mode;
  return query;
}

/** The figures for `filters`: the total and one group per month, specialty or organisation. */
export function useTripleAimReport(filters: ResultsFilters, groupBy: GroupBy) {
  return useQuery({
    queryKey: resultsKeys.report(filters, groupBy),
    // Without format=csv the answer is the JSON one; the contract's type also names the CSV.
    queryFn: async () => (await call(api.GET('/api/v1/reports/triple-aim', {
      params: { query: toReportQuery(filters, groupBy) },
    }))) as TripleAimReport,
    // Figures of whole months move slowly; the change poller need not recount them.
    staleTime: 5 * 60_000,
  });
}

/** The address of the same figures as CSV, made by the server (a plain link, the cookie goes along). */
export function reportCsvUrl(filters: ResultsFilters, groupBy: GroupBy): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(toReportQuery(filters, groupBy))) query.set(key, String(value));
  query.set('format', 'csv');
  return `/api/v1/reports/triple-aim?${query.toString()}`;
}
