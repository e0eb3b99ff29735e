// The reset link request carries its options as the body: none for a password-only link, the
// second factor and the identity check for a link that also resets the second factor.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { issuePasswordReset } from './api';

vi.mock('../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/client')>()),
  api: { POST: vi.fn() },
}));

const kLink = { token: 'abc', path: '/wachtwoord-herstellen#abc', expires_at: '2026-12-03T09:15:00.000Z', second_factor: false };

describe('issuePasswordReset', () => {
  afterEach(() => vi.mocked(api.POST).mockReset());

  it('sends an empty object for a password-only link', async () => {
    vi.mocked(api.POST).mockResolvedValue({ data: kLink, response: new Response(null, { status: 201 }) } as never);
    expect(await issuePasswordReset(4)).toEqual(kLink);
    expect(api.POST).toHaveBeenCalledWith('/api/v1/users/{id}/password-reset', { params: { path: { id: 4 } }, body: {} });
  });

  it('sends the second factor and the identity check as given', async () => {
    vi.mocked(api.POST).mockResolvedValue(
      { data: { ...kLink, second_factor: true }, response: new Response(null, { status: 201 }) } as never,
    );
    await issuePasswordReset(2, { second_factor: true, identity_checked: true });
    expect(api.POST).toHaveBeenCalledWith('/api/v1/users/{id}/password-reset', {
      params: { path: { id: 2 } }, body: { second_factor: true, identity_checked: true },
    });
  });
});
