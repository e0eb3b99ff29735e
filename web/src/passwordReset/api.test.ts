// The reset goes out without cookies (no session is needed, and none may get in the way), and the
// token is read from the fragment as the link carries it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { resetPassword, tokenFromHash } from './api';

vi.mock('../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/client')>()),
  api: { POST: vi.fn() },
}));

describe('resetPassword', () => {
  afterEach(() => vi.mocked(api.POST).mockReset());

  it('posts token and password without credentials', async () => {
    vi.mocked(api.POST).mockResolvedValue({ response: new Response(null, { status: 204 }) } as never);
    await resetPassword('abc', 'een lange zin');
    expect(api.POST).toHaveBeenCalledWith('/api/v1/password-reset', {
      body: { token: 'abc', password: 'een lange zin' },
      credentials: 'omit',
    });
  });
});

describe('tokenFromHash', () => {
  it.each([
    ['#0f3a', '0f3a'],
    ['0f3a', '0f3a'],
    ['#', ''],
    ['', ''],
    ['#%20ab%20', 'ab'],
    ['#%E0%A4%A', '%E0%A4%A'],
  ])('%s is %s', (hash, token) => {
    expect(tokenFromHash(hash)).toBe(token);
  });
});
