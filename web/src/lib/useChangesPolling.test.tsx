// The change poller: its first fingerprint is the baseline, and screens wait for it so that nothing
// they show is older than it; a later fingerprint that differs makes every consult query stale, and
// the notifications (list and unread count), but not the mail choices being edited.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../api/client';
import { useChangesPolling } from './useChangesPolling';

vi.mock('../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/client')>()),
  api: { GET: vi.fn() },
  call: vi.fn(),
}));

function Probe() {
  return <p>{useChangesPolling() ? 'baseline known' : 'waiting'}</p>;
}

function renderProbe(client: QueryClient) {
  render(<QueryClientProvider client={client}><Probe /></QueryClientProvider>);
}

describe('useChangesPolling', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('reports the baseline only once the first fingerprint has come', async () => {
    let answer: (value: { fingerprint: string }) => void = () => {};
    vi.mocked(call).mockReset().mockReturnValue(new Promise((resolve) => { answer = resolve; }) as never);
    renderProbe(new QueryClient());
    expect(screen.getByText('waiting')).toBeTruthy();
    await act(async () => answer({ fingerprint: '1-1-1' }));
    expect(await screen.findByText('baseline known')).toBeTruthy();
  });

  it('does not hold the screens back when the first poll fails', async () => {
    vi.mocked(call).mockReset().mockRejectedValue(new Error('offline') as never);
    renderProbe(new QueryClient({ defaultOptions: { queries: { retry: false } } }));
    expect(await screen.findByText('baseline known')).toBeTruthy();
  });

  it('marks consult and notification queries stale when the fingerprint moves, and only then', async () => {
    vi.mocked(call).mockReset()
      .mockResolvedValueOnce({ fingerprint: '1-1-1' } as never)
      .mockResolvedValueOnce({ fingerprint: '1-1-1' } as never)
      .mockResolvedValue({ fingerprint: '1-2-2' } as never);
    const client = new QueryClient();
    client.setQueryData(['consults', 'one', 7], { id: 7 });
    client.setQueryData(['notifications', 'unread'], 3);
    client.setQueryData(['notification-settings'], { digest_hour: 8 });
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    renderProbe(client);
    await screen.findByText('baseline known');
    expect(stale(['consults', 'one', 7])).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(stale(['consults', 'one', 7])).toBe(false);
    expect(stale(['notifications', 'unread'])).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(stale(['consults', 'one', 7])).toBe(true);
    expect(stale(['notifications', 'unread'])).toBe(true);
    expect(stale(['notification-settings'])).toBe(false);
  });
});
