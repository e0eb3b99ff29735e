// An import sends the file's text unchanged as a text/csv body, to the path of its kind, with
// dry_run saying whether anything is stored; the server's refusal comes back as an ApiError.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { importCsv } from './api';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/client')>()),
  api: { POST: vi.fn() },
}));

const kCsv = 'agb,username,display_name,email,organisation_agb,role\n01000001,a.jansen,A. Jansen,a@example.nl,01012345,gp\n';
const kReport = { added: 1, changed: 0, unchanged: 0, rejected: [], dry_run: true };

describe('importCsv', () => {
  afterEach(() => vi.mocked(api.POST).mockReset());

  it('sends the text as it is, as text/csv, to the path of its kind', async () => {
    vi.mocked(api.POST).mockResolvedValue({ data: kReport, response: new Response(null, { status: 200 }) } as never);
    expect(await importCsv('practitioners', kCsv, 'dry_run')).toEqual(kReport);
    const [path, request] = vi.mocked(api.POST).mock.calls[0]! as unknown as [string, { bodySerializer: (body: unknown) => unknown }];
    expect(path).toBe('/api/v1/imports/practitioners');
    expect(request).toMatchObject({ params: { query: { dry_run: true } }, body: kCsv, headers: { 'Content-Type': 'text/csv' } });
    expect(request.bodySerializer(kCsv)).toBe(kCsv);
  });

  it('stores only when asked to', async () => {
    vi.mocked(api.POST).mockResolvedValue({ data: { ...kReport, dry_run: false }, response: new Response(null, { status: 200 }) } as never);
    await importCsv('organisations', 'agb,name,kind,parent_agb,region\n', 'store');
    expect(vi.mocked(api.POST).mock.calls[0]![0]).toBe('/api/v1/imports/organisations');
    expect(vi.mocked(api.POST).mock.calls[0]![1]).toMatchObject({ params: { query: { dry_run: false } } });
  });

  it("gives the server's refusal of a malformed file as an ApiError", async () => {
    vi.mocked(api.POST).mockResolvedValue({
      error: { error: { code: 'invalid_argument', message: 'Regel 1: de kolom „agb” ontbreekt.' } },
      response: new Response(null, { status: 422 }),
    } as never);
    await expect(importCsv('organisations', 'naam\n', 'dry_run')).rejects.toEqual(
      new ApiError(422, 'invalid_argument', 'Regel 1: de kolom „agb” ontbreekt.'),
    );
  });
});
