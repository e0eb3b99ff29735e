// One template: its questions as the GP meets them, its history with what each version changed,
// and "not found" for another care group's.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import i18n from '../../i18n/i18n';
import { kMeKey, type User } from '../../session/session';
import { useTemplate } from '../api';
import { kTemplateDetail } from '../regionFixture';
import TemplatePage from './TemplatePage';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  useTemplate: vi.fn(),
}));

const kCoordinator: User = {
  id: 17, username: 'coordinator.hon', display_name: 'Hans Verbeek', roles: ['coordinator'], pools: [],
  memberships: [{ organisation_id: 2, organisation_name: 'Huisartsenorganisatie Nieuwe Waterweg', organisation_kind: 'care_group', role: 'coordinator' }],
  second_factor: { enrolled: true, this_login: true, required: false },
};

function renderPage() {
  const client = new QueryClient();
  client.setQueryData(kMeKey, kCoordinator);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/vragenlijsten/4']}>
        <Routes><Route path="/vragenlijsten/:id" element={<TemplatePage />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('TemplatePage', () => {
  beforeEach(async () => {
    vi.mocked(useTemplate).mockReturnValue({ data: kTemplateDetail, isPending: false, isError: false, error: null } as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('shows the questions with their kind, unit and whether required', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Vragenlijst Cyclusklachten' })).toBeTruthy();
    const [cycle, pain] = within(screen.getByRole('region', { name: 'Vragen' })).getAllByRole('listitem');
    expect(cycle!.textContent).toContain('Cyclusduur (Getal, in dagen, verplicht om te versturen)');
    expect(cycle!.textContent).toContain('Van de eerste dag tot de volgende.');
    expect(pain!.textContent).toContain('Pijn bij de menstruatie? (Ja of nee)');
  });

  it('says for each version what it changed', () => {
    renderPage();
    const [, newest] = within(screen.getByRole('region', { name: 'Geschiedenis' })).getAllByRole('row');
    expect(within(newest!).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Naam: Cyclus → Cyclusklachten', 'Vraag gewijzigd: Cyclusduur', 'Vraag toegevoegd: Pijn bij de menstruatie?',
    ]);
  });

  it("says another care group's template is not found", () => {
    vi.mocked(useTemplate).mockReturnValue({
      data: undefined, isPending: false, isError: true,
      error: new ApiError(404, 'not_found', 'Deze vragenlijst bestaat niet of valt niet onder u.'),
    } as never);
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Vragenlijst niet gevonden' })).toBeTruthy();
    expect(screen.getByText('Deze vragenlijst bestaat niet of valt niet onder u.')).toBeTruthy();
  });
});
