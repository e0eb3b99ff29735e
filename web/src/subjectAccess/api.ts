// A patient's subject access request (AVG art. 15) for a privacy officer: everything meekijk holds
// about one patient in the officer's organisation, found by BSN or by consult number. Fetched only
// when asked for and kept in the page, not in the query cache: it is patient data, and every
// fetch is logged by the server on each consult.
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type SubjectAccessExport = components['schemas']['SubjectAccessExport'];

export type SubjectKey = 'bsn' | 'consult';

export interface SubjectQuery {
  key: SubjectKey;
  /** As typed; `normalised` makes it what the server compares. */
  value: string;
  organisationId?: number;
}

/** A BSN without the spaces and dots people write it with; a consult number trimmed, upper case. */
export function normalised(key: SubjectKey, value: string): string {
  return key === 'bsn' ? value.replace(/[\s.]/g, '') : value.trim().toUpperCase();
}

/** `inzageverzoek-<bsn or consult number>.json`, with nothing in the name a file system minds. */
export function exportFileName(query: SubjectQuery): string {
  return `inzageverzoek-${normalised(query.key, query.value).replace(/[^0-9A-Za-z-]/g, '')}.json`;
}

/**
 * The export; an ApiError with code `reauthentication_required` when the password was not given
 * in the last minutes, 422 for a BSN that fails the eleven test, 404 when nothing is found.
 */
export function fetchSubjectAccess(query: SubjectQuery): Promise<SubjectAccessExport> {
  const value = normalised(query.key, query.value);
  // A POST with the BSN in the body: a BSN belongs in no URL, where proxies and logs keep it.
  return call(
    api.POST('/api/v1/subject-access', {
      body: {
        ...(query.key === 'bsn' ? { bsn: value } : { consult: value }),
        ...(query.organisationId ? { organisation_id: query.organisationId } : {}),
      },
    }),
  );
}

/** The export as the file handed to the patient: the server's answer, indented. */
export function exportBlob(data: SubjectAccessExport): Blob {
  return new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
}
