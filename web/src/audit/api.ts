// The access log on the server (NEN 7513), for an organisation's privacy officer: the search, page
// by page, and the CSV export. Every search and export is itself logged by the server, so the
// pages are fetched only when asked for (no refetch on focus or by age).
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components, operations } from '../api/schema';
import { startOfDay } from './period';

export type AccessLogRow = components['schemas']['AccessLogRow'];
export type AccessLogPage = components['schemas']['AccessLogPage'];
type SearchQuery = NonNullable<operations['searchAccessLog']['parameters']['query']>;
type ExportQuery = NonNullable<operations['exportAccessLog']['parameters']['query']>;

/** The filters as the screen holds them (and the address bar): days as YYYY-MM-DD, Amsterdam. */
export interface AccessLogFilters {
  organisationId?: number;
  /** A consult number (the patient's reference). */
  patient?: string;
  userId?: number;
  /** The first day, included. */
  from?: string;
  /** The last day, included. */
  until?: string;
}

export const kAccessLogPageSize = 100;

export const accessLogKeys = {
  all: ['access-log'] as const,
  search: (filters: AccessLogFilters) => ['access-log', 'search', filters] as const,
};

/** The filters as the API's query: trimmed, empty ones left out, days as Amsterdam day bounds. */
export function toQuery(filters: AccessLogFilters): ExportQuery {
  const query: ExportQuery = {};
  if (filters.organisationId) query.organisation_id = filters.organisationId;
  const patient = filters.patient?.trim();
  if (patient) query.patient = patient;
  if (filters.userId) query.user_id = filters.userId;
  const from = filters.from ? startOfDay(filters.from) : null;
  if (from) query.from = from;
  const until = filters.until ? startOfDay(filters.until, 1) : null;
  if (until) query.until = until;
  return query;
}

export function fetchAccessLogPage(filters: AccessLogFilters, before: number | undefined) {
  const query: SearchQuery = { ...toQuery(filters), limit: kAccessLogPageSize };
  if (before !== undefined) query.before = before;
  return call(api.GET('/api/v1/access-log', { params: { query } }));
}

/** The rows for `filters`, newest first, a page at a time (`before` = the previous page's next_before). */
export function useAccessLog(filters: AccessLogFilters) {
  const query = useInfiniteQuery({
    queryKey: accessLogKeys.search(filters),
    queryFn: ({ pageParam }) => fetchAccessLogPage(filters, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page: AccessLogPage) => page.next_before,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}

/**
 * The CSV of every row for `filters` (up to the server's maximum), as a Blob. Throws an ApiError
 * with code `reauthentication_required` when the password was not given in the last minutes.
 */
export async function exportAccessLog(filters: AccessLogFilters): Promise<Blob> {
  return call(api.GET('/api/v1/access-log/export', { params: { query: toQuery(filters) }, parseAs: 'blob' }));
}
