// The copy for the record: a closed consult's whole course for the patient's record in the HIS,
// as a PDF (REST API) or as a FHIR collection Bundle (the FHIR API, which takes the session cookie
// for reading). Both are for the practice's GP and assistant once the consult is closed; the
// server refuses others (403) and a consult not yet closed (409).
import { api, call } from '../api/client';
import type { Consult } from './api';

/** The two forms of the copy. */
export type RecordCopyFormat = 'pdf' | 'fhir';

/** Whether the viewer is offered the copy: the practice's GP or assistant, on a closed consult. */
export function offersRecordCopy(consult: Consult): boolean {
  const ofPractice = consult.viewer_role === 'gp' || consult.viewer_role === 'assistant';
  return ofPractice && consult.status === 'closed';
}

/** The copy of consult `id` as a file: the printable PDF, or the Bundle as FHIR JSON. */
export function fetchRecordCopy(id: number, format: RecordCopyFormat): Promise<Blob> {
  if (format === 'pdf') {
    return call(api.GET('/api/v1/consults/{id}/record-copy', {
      params: { path: { id } },
      parseAs: 'blob',
    })) as Promise<Blob>;
  }
  return call(api.GET('/fhir/R4/Task/{id}/$record-copy', {
    params: { path: { id: String(id) } },
    parseAs: 'blob',
  }).then(withRestError)) as Promise<Blob>;
}

/** The name the copy is saved under: the consult's number, the FHIR one marked as such. */
export function recordCopyFileName(consult: Consult, format: RecordCopyFormat): string {
  return format === 'pdf' ? `${consult.number}.pdf` : `${consult.number}.fhir.json`;
}

interface OperationOutcome {
  issue?: { code?: unknown; diagnostics?: unknown; details?: { text?: unknown } }[];
}

// The FHIR API refuses with an OperationOutcome; its first issue's text (in the UI language, as
// the request asked) becomes the REST API's error shape, so `call` shows the server's sentence.
function withRestError<R extends { error?: unknown }>(result: R): R {
  if (result.error === undefined) return result;
  const issue = (result.error as OperationOutcome | null)?.issue?.[0];
  const text = issue?.details?.text ?? issue?.diagnostics;
  const code = typeof issue?.code === 'string' ? issue.code : undefined;
  return { ...result, error: { error: { code, message: typeof text === 'string' ? text : undefined } } };
}
