import { describe, expect, it } from 'vitest';
import { ApiError, placeError, toApiError } from './errors';

describe('toApiError', () => {
  it('reads the API error shape', () => {
    const error = toApiError(422, { error: { code: 'invalid_argument', message: 'Vul de vraag in.', field: 'question' } }, 'x');
    expect(error).toMatchObject({ status: 422, code: 'invalid_argument', message: 'Vul de vraag in.', field: 'question' });
  });

  it('falls back for bodies of another shape', () => {
    const error = toApiError(502, '<html>', 'De server antwoordt niet.');
    expect(error).toMatchObject({ status: 502, code: 'http_502', message: 'De server antwoordt niet.', field: undefined });
  });
});

describe('placeError', () => {
  const fields = ['specialty', 'patient.birth_year', 'patient', 'question'];

  it('puts a field error next to its field', () => {
    const placed = placeError(new ApiError(422, 'invalid_argument', 'Te oud.', 'patient.birth_year'), fields, '?');
    expect(placed).toEqual({ fieldErrors: { 'patient.birth_year': 'Te oud.' }, actionError: null });
  });

  it('falls back to the enclosing field', () => {
    const placed = placeError(new ApiError(422, 'invalid_argument', 'Geen geldig BSN.', 'patient.bsn'), fields, '?');
    expect(placed.fieldErrors).toEqual({ patient: 'Geen geldig BSN.' });
  });

  it('puts other errors next to the action', () => {
    expect(placeError(new ApiError(409, 'conflict', 'Al verstuurd.'), fields, '?')).toEqual({
      fieldErrors: {},
      actionError: 'Al verstuurd.',
    });
    expect(placeError(new ApiError(422, 'invalid_argument', 'Onbekend veld.', 'pool_id'), fields, '?').actionError).toBe(
      'Onbekend veld.',
    );
  });

  it('says something for errors without a message', () => {
    expect(placeError(undefined, fields, 'Er ging iets mis.').actionError).toBe('Er ging iets mis.');
  });
});
