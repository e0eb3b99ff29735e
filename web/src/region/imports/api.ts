// Importing organisations or practitioners from a CSV file: what can be imported, the columns the
// server expects of each, and the call that sends the file's text as it is. The answer is an
// ImportReport; a file the server cannot read is a 422 and nothing is stored.
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

export type ImportReport = components['schemas']['ImportReport'];

export type ImportKind = 'organisations' | 'practitioners';

/** Dry run: report what would happen and store nothing. */
export type ImportMode = 'dry_run' | 'store';

export const kImportKinds: readonly ImportKind[] = ['organisations', 'practitioners'];

/** The header line the server reads, by kind (docs/openapi.json). */
export const kImportColumns: Record<ImportKind, readonly string[]> = {
  organisations: ['agb', 'name', 'kind', 'parent_agb', 'region'],
  practitioners: ['agb', 'username', 'display_name', 'email', 'organisation_agb', 'role'],
};

/** Sends `csv` as the raw body (text/csv), through the one API client and so with its CSRF token. */
export function importCsv(kind: ImportKind, csv: string, mode: ImportMode) {
  const request = {
    params: { query: { dry_run: mode === 'dry_run' } },
    body: csv,
    // The body is the file's text as it is, not a JSON string.
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { 'Content-Type': 'text/csv' },
  };
  return call(kind === 'organisations'
    ? api.POST('/api/v1/imports/organisations', request)
    : api.POST('/api/v1/imports/practitioners', request));
}
