// One agreement: what it settles, its history with who changed what when, a change made to the
// version it started from (only for who may change it), and "not found" for another care group's.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import i18n from '../../i18n/i18n';
import { kMeKey, type User } from '../../session/session';
import { changeAgreement, useAgreement, useOrganisations, usePools, useTemplates } from '../api';
import { kAgreement, kAgreementDetail, kOrganisations, kPools, kTemplates } from '../regionFixture';
import AgreementPage from './AgreementPage';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  useAgreement: vi.fn(),
  useOrganisations: vi.fn(),
  usePools: vi.fn(),
  useTemplates: vi.fn(),
  changeAgreement: vi.fn(),
}));

const kCoordinator: User = {
  id: 16, username: 'coordinator.zorggroep', display_name: 'Marieke de Groot', roles: ['coordinator'], pools: [],
  memberships: [{ organisation_id: 1, organisation_name: 'Zorggroep Rijnmond Zuid', organisation_kind: 'care_group', role: 'coordinator' }],
  second_factor: { enrolled: true, this_login: true, required: false },
};

const ok = <T,>(items: T[]) => ({ data: { items }, isSuccess: true, isPending: false, error: null }) as never;

function renderPage() {
  const client = new QueryClient();
  client.setQueryData(kMeKey, kCoordinator);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/afspraken/14']}>
        <Routes><Route path="/afspraken/:id" element={<AgreementPage />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

function showing(detail: typeof kAgreementDetail) {
  vi.mocked(useAgreement).mockReturnValue({
    data: detail, isPending: false, isError: false, error: null, refetch: vi.fn().mockResolvedValue({ data: detail }),
  } as never);
}

describe('AgreementPage', () => {
  beforeEach(async () => {
    showing(kAgreementDetail);
    vi.mocked(useOrganisations).mockReturnValue(ok(kOrganisations));
    vi.mocked(usePools).mockReturnValue(ok(kPools));
    vi.mocked(useTemplates).mockReturnValue(ok(kTemplates));
    vi.mocked(changeAgreement).mockReset().mockResolvedValue({ ...kAgreement, version: 3 });
    sessionStorage.clear();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('shows what the agreement settles, with the fees in euros', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Afspraak met Gynaecologie Ikazia' })).toBeTruthy();
    const value = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent?.replace(/\s/g, ' ');
    expect(value('Vragenlijst')).toBe('Cyclusklachten (versie 2)');
    expect(value('Antwoordtermijn (werkdagen)')).toBe('4 werkdagen');
    expect(value('Vergoeding specialist')).toBe('€ 45,50');
    expect(value('Goede Vrijdag vrij')).toBe('Ja');
    expect(value('Kantooruren')).toBe('08:00–17:00');
    expect(value('Geldig tot en met')).toBe('Geen einddatum');
  });

  it('lists the versions newest first, with who changed what', () => {
    renderPage();
    const history = screen.getByRole('region', { name: 'Geschiedenis' });
    const [, newest, oldest] = within(history).getAllByRole('row');
    expect(within(newest!).getByRole('rowheader').textContent).toBe('2');
    expect(newest!.textContent).toContain('Marieke de Groot');
    expect(within(newest!).getByRole('listitem').textContent).toBe('Antwoordtermijn (werkdagen): 3 werkdagen → 4 werkdagen');
    expect(oldest!.textContent).toContain('Hans Verbeek');
    expect(oldest!.textContent).toContain('Gemaakt');
  });

  it('makes a change to the version shown and says which version it became', async () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak wijzigen' }));
    const heading = screen.getByRole('heading', { level: 2, name: 'Afspraak wijzigen (uitgaand van versie 2)' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole('heading', { level: 3, name: 'Hoe' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Antwoordtermijn/), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wijziging opslaan' }));

    expect(await screen.findByText('De wijziging is opgeslagen als versie 3.')).toBeTruthy();
    expect(vi.mocked(changeAgreement).mock.calls[0]![1]).toMatchObject({ version: 2, response_days: 5 });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Afspraak wijzigen' })));
  });

  it('offers no change to whoever may not make one', () => {
    showing({ ...kAgreementDetail, may_change: false });
    renderPage();
    expect(screen.queryByRole('button', { name: 'Afspraak wijzigen' })).toBeNull();
    expect(screen.getByText(/wijzigen de coördinatoren van de pool/)).toBeTruthy();
  });

  it("says another care group's agreement is not found, in the server's words", () => {
    vi.mocked(useAgreement).mockReturnValue({
      data: undefined, isPending: false, isError: true,
      error: new ApiError(404, 'not_found', 'Deze afspraak bestaat niet of valt niet onder u.'),
    } as never);
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Afspraak niet gevonden' })).toBeTruthy();
    expect(screen.getByText('Deze afspraak bestaat niet of valt niet onder u.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Terug naar de afspraken' }).getAttribute('href')).toBe('/afspraken');
  });
});
