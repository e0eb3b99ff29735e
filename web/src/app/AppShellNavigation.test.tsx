// The main menu offers "Gebruikers", "Afspraken", "Vragenlijsten", "Pools", "Importeren",
// "Uitgaande e-mail" and "Koppelingen met het HIS" only to coordinators and administrators,
// "API-clients" only to administrators, "Inzageverzoek" only to privacy officers, "Afwezigheid" to
// specialists and coordinators, "Spreekuren" to those who book, hold or plan physical sessions
// (GPs, assistants, specialists, coordinators), and "Meldingen" (with its unread count) to everyone,
// "Resultaten" to everyone who belongs to an organisation; "/" takes a coordinator or an
// administrator to the users, an analyst to the results.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/i18n';
import { kMeKey, type Role, type User } from '../session/session';
import AppShell from './AppShell';
import HomeRedirect from './HomeRedirect';

vi.mock('../lib/useChangesPolling', () => ({ useChangesPolling: () => true }));
vi.mock('../notifications/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../notifications/api')>()),
  useUnreadCount: () => ({ data: 2 }),
}));

function user(roles: Role[]): User {
  return {
    id: 1, username: 'someone', display_name: 'Iemand', roles, pools: [],
    memberships: roles.map((role) => ({ organisation_id: 5, organisation_name: 'Zorggroep Rijnmond', organisation_kind: 'care_group', role })),
    second_factor: { enrolled: true, this_login: true, required: false },
  };
}

function renderShell(roles: Role[]) {
  const client = new QueryClient();
  client.setQueryData(kMeKey, user(roles));
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<HomeRedirect />} />
            <Route path="*" element={<h1>Ander scherm</h1>} />
            <Route path="gebruikers" element={<h1>Gebruikers-scherm</h1>} />
            <Route path="resultaten" element={<h1>Resultaten-scherm</h1>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const menuLink = (name: string) =>
  within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).queryByRole('link', { name });

describe('AppShell navigation', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it.each([
    [['coordinator'], true, false],
    [['admin'], true, false],
    [['privacy_officer'], false, true],
    [['gp'], false, false],
    [['assistant'], false, false],
    [['specialist'], false, false],
    [['analyst'], false, false],
    [['gp', 'coordinator'], true, false],
  ] as [Role[], boolean, boolean][])('%j: region screens %s, Inzageverzoek %s', (roles, keepsRegion, subjectAccess) => {
    renderShell(roles);
    expect(menuLink('Gebruikers')?.getAttribute('href') ?? null).toBe(keepsRegion ? '/gebruikers' : null);
    expect(menuLink('Afspraken')?.getAttribute('href') ?? null).toBe(keepsRegion ? '/afspraken' : null);
    expect(menuLink('Vragenlijsten')?.getAttribute('href') ?? null).toBe(keepsRegion ? '/vragenlijsten' : null);
    expect(menuLink('Pools')?.getAttribute('href') ?? null).toBe(keepsRegion ? '/pools' : null);
    expect(menuLink('Importeren')?.getAttribute('href') ?? null).toBe(keepsRegion ? '/importeren' : null);
    expect(menuLink('Inzageverzoek')?.getAttribute('href') ?? null).toBe(subjectAccess ? '/inzageverzoek' : null);
    expect(menuLink('Overzicht')?.getAttribute('href') ?? null).toBe(roles.includes('coordinator') ? '/overzicht' : null);
    expect(menuLink('Uitgaande e-mail')?.getAttribute('href') ?? null).toBe(keepsRegion ? '/uitgaande-email' : null);
    expect(menuLink('Koppelingen met het HIS')?.getAttribute('href') ?? null).toBe(keepsRegion ? '/his-koppelingen' : null);
    expect(menuLink('API-clients')?.getAttribute('href') ?? null).toBe(roles.includes('admin') ? '/api-clients' : null);
    const recordsAbsence = roles.includes('specialist') || roles.includes('coordinator');
    expect(menuLink('Afwezigheid')?.getAttribute('href') ?? null).toBe(recordsAbsence ? '/afwezigheid' : null);
    const seesSessions = ['gp', 'assistant', 'specialist', 'coordinator'].some((role) => roles.includes(role as Role));
    expect(menuLink('Spreekuren')?.getAttribute('href') ?? null).toBe(seesSessions ? '/spreekuren' : null);
    expect(menuLink('Meldingen, 2 ongelezen')?.getAttribute('href')).toBe('/meldingen');
    expect(menuLink('Resultaten')?.getAttribute('href')).toBe('/resultaten');
  });

  it('offers no results to someone who belongs to no organisation', () => {
    renderShell([]);
    expect(menuLink('Resultaten')).toBeNull();
  });

  it('takes a coordinator from "/" to the users', async () => {
    renderShell(['coordinator']);
    expect(await screen.findByRole('heading', { name: 'Gebruikers-scherm' })).toBeTruthy();
  });

  it('takes an analyst from "/" to the results', async () => {
    renderShell(['analyst']);
    expect(await screen.findByRole('heading', { name: 'Resultaten-scherm' })).toBeTruthy();
  });
});
