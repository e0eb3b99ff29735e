// The shell offers each role its own screens: the access log to a privacy officer, not to a GP;
// and "/" takes a privacy officer to it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/i18n';
import type { Role, User } from '../session/session';
import AppShell from './AppShell';
import HomeRedirect from './HomeRedirect';

vi.mock('../lib/useChangesPolling', () => ({ useChangesPolling: () => true }));
vi.mock('../notifications/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../notifications/api')>()),
  useUnreadCount: () => ({ data: 0 }),
}));

let currentUser: User;
vi.mock('../session/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../session/session')>()),
  useMe: () => ({ user: currentUser, isError: false }),
}));

function user(role: Role): User {
  return {
    id: 1, username: 'someone', display_name: 'Iemand', roles: [role], pools: [],
    memberships: [{ organisation_id: 5, organisation_name: 'Huisartsenpraktijk Kralingen', organisation_kind: 'gp_practice', role }],
    second_factor: { enrolled: true, this_login: true, required: false },
  };
}

function renderShell(path = '/') {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<HomeRedirect />} />
            <Route path="access-log" element={<h1>Toegangslog-scherm</h1>} />
            <Route path="outbox" element={<h1>Outbox-scherm</h1>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const mainNav = () => screen.getByRole('navigation', { name: 'Hoofdmenu' });

describe('AppShell', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('does not offer the access log to a GP', async () => {
    currentUser = user('gp');
    renderShell();
    expect(await screen.findByRole('heading', { name: 'Outbox-scherm' })).toBeTruthy();
    expect(within(mainNav()).getByRole('link', { name: 'Verzonden consulten' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Toegangslog' })).toBeNull();
  });

  it('offers the access log to a privacy officer and starts there', async () => {
    currentUser = user('privacy_officer');
    renderShell();
    expect(await screen.findByRole('heading', { name: 'Toegangslog-scherm' })).toBeTruthy();
    const link = within(mainNav()).getByRole('link', { name: 'Toegangslog' });
    expect(link.getAttribute('href')).toBe('/access-log');
    expect(within(mainNav()).queryByRole('link', { name: 'Verzonden consulten' })).toBeNull();
  });
});
