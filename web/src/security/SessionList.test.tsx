// The list of the user's sessions: this one marked and not endable here, the others each with a
// button that names which session it ends, and one for all others; what happened is announced.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { endOtherSessions, endSession, reauthenticate, type LoginSession } from './api';
import { SessionList } from './SessionList';

const kChrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

function session(fields: Partial<LoginSession>): LoginSession {
  return {
    id: 'a1', created_at: '2026-12-02T08:00:00.000Z', last_seen_at: '2026-12-02T09:00:00.000Z',
    expires_at: '2026-12-02T20:00:00.000Z', client_address: '192.0.2.10', user_agent: kChrome,
    second_factor: true, current: false, ...fields,
  };
}

const kSessions = [
  session({ id: 'this', current: true }),
  session({ id: 'other', client_address: '198.51.100.7', user_agent: 'curl/8.5.0', second_factor: false }),
];

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useLoginSessions: () => ({ data: { items: kSessions }, isPending: false, error: null }),
  endSession: vi.fn(),
  endOtherSessions: vi.fn(),
  reauthenticate: vi.fn(),
}));

function renderList() {
  render(<QueryClientProvider client={new QueryClient()}><SessionList /></QueryClientProvider>);
}

describe('SessionList', () => {
  beforeEach(async () => {
    vi.mocked(endSession).mockReset().mockResolvedValue(undefined as never);
    vi.mocked(endOtherSessions).mockReset().mockResolvedValue({ ended: 2 });
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('marks this session and names the browser, the address and the second factor', () => {
    renderList();
    const [, mine, other] = screen.getAllByRole('row');
    expect(within(mine!).getByText('Deze sessie')).toBeTruthy();
    expect(within(mine!).getByText('Chrome 140 op Linux')).toBeTruthy();
    expect(within(mine!).getByText('Ja')).toBeTruthy();
    expect(within(mine!).queryByRole('button')).toBeNull();
    expect(within(other!).getByText('curl/8.5.0')).toBeTruthy();
    expect(within(other!).getByText('198.51.100.7')).toBeTruthy();
    expect(within(other!).getByText('Nee')).toBeTruthy();
  });

  it('asks for the password and code again when the server wants them, then ends the same session', async () => {
    vi.mocked(reauthenticate).mockReset().mockResolvedValue(undefined as never);
    vi.mocked(endSession).mockRejectedValueOnce(
      new ApiError(403, 'reauthentication_required', 'Geef voor deze handeling opnieuw uw wachtwoord en code.'),
    );
    renderList();
    fireEvent.click(screen.getByRole('button', { name: /^Beëindigen \(sessie van .*, curl\/8\.5\.0\)$/ }));
    const password = await screen.findByLabelText('Wachtwoord');
    expect(screen.getByText(/^Geef voor het beëindigen van sessies opnieuw/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.change(password, { target: { value: 'geheim-wachtwoord' } });
    fireEvent.change(screen.getByLabelText('Code uit uw authenticator-app'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en doorgaan' }));
    expect(await screen.findByText('De sessie is beëindigd.')).toBeTruthy();
    expect(reauthenticate).toHaveBeenCalledWith('geheim-wachtwoord', '123456');
    expect(vi.mocked(endSession).mock.calls).toEqual([['other'], ['other']]);
  });

  it('ends another session and says so', async () => {
    renderList();
    const button = screen.getByRole('button', { name: /^Beëindigen \(sessie van .*, curl\/8\.5\.0\)$/ });
    fireEvent.click(button);
    expect(await screen.findByText('De sessie is beëindigd.')).toBeTruthy();
    expect(endSession).toHaveBeenCalledWith('other');
  });

  it('ends all other sessions and counts them', async () => {
    renderList();
    fireEvent.click(screen.getByRole('button', { name: 'Alle andere sessies beëindigen' }));
    expect(await screen.findByText('2 sessies beëindigd.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('2 sessies beëindigd.');
  });
});
