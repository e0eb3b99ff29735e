// Errors from the server as values the UI can place: `{error: {code, message, field?}}` becomes an
// ApiError; placeError decides whether its sentence goes next to a form field or next to the
// button that was pressed.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown };
}

/**
 * Builds an ApiError from a response's status and parsed body; `fallbackMessage` is used when the
 * body is not the API's error shape (a proxy's HTML page, an empty 502).
 */
export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const message = typeof error?.message === 'string' && error.message ? error.message : fallbackMessage;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const field = typeof error?.field === 'string' && error.field ? error.field : undefined;
  return new ApiError(status, code, message, field);
}

export interface PlacedError {
  /** Sentences by form field name (dotted, as the API names them). */
  fieldErrors: Record<string, string>;
  /** The sentence to show next to the pressed button, when no field of the form fits. */
  actionError: string | null;
}

export const kNoErrors: PlacedError = { fieldErrors: {}, actionError: null };

/**
 * Puts the error next to the form field it names (or the nearest enclosing field the form has:
 * `patient.bsn` falls back to `patient`), otherwise next to the action.
 */
export function placeError(error: unknown, formFields: readonly string[], unknownMessage: string): PlacedError {
  const message = error instanceof Error && error.message ? error.message : unknownMessage;
  const field = error instanceof ApiError ? error.field : undefined;
  for (let name = field; name; name = parentField(name)) {
    if (formFields.includes(name)) return { fieldErrors: { [name]: message }, actionError: null };
  }
  return { fieldErrors: {}, actionError: message };
}

function parentField(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : undefined;
}
