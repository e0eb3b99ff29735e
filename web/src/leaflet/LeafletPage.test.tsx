// The patient leaflet: offered on the consult page to the practice's GP and assistant once the
// consult went out; the page asks the server for the code once and shows what a meekijkconsult is,
// that it is free for the patient and leaves the eigen risico alone, the survey's full address on
// this site and the code, in Dutch or English as chosen for the patient; "Afdrukken" prints it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { consultFixture } from '../consults/consultFixture';
import i18n from '../i18n/i18n';
import { useLeaflet, type Leaflet } from './api';
import { LeafletButton } from './LeafletButton';
import LeafletPage from './LeafletPage';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useLeaflet: vi.fn(),
}));
vi.mock('../consults/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../consults/api')>()),
  useSpecialties: () => ({ data: { items: [{ code: 'dermatologie', name: 'Dermatologie', name_en: 'Dermatology' }] } }),
}));

const kLeaflet: Leaflet = { code: 'K7M2-Q9TX', consult_number: 'MK-2026-0007', specialty: 'dermatologie', survey_path: '/enquete/K7M2-Q9TX' };

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={['/consults/7/folder']}>
        <Routes><Route path="/consults/:id/folder" element={<LeafletPage />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const leaflet = () => screen.getByRole('article');

describe('LeafletPage', () => {
  beforeEach(async () => {
    vi.mocked(useLeaflet).mockReturnValue({ data: kLeaflet, isPending: false, isError: false, error: null } as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the code and the full address of the survey on this site', () => {
    renderPage();
    expect(useLeaflet).toHaveBeenCalledWith(7);
    expect(within(leaflet()).getByText('K7M2-Q9TX')).toBeTruthy();
    expect(within(leaflet()).getByText(`${window.location.origin}/enquete/K7M2-Q9TX`)).toBeTruthy();
  });

  it('explains the meekijkconsult, and that it is free for the patient and leaves the eigen risico alone', () => {
    renderPage();
    expect(within(leaflet()).getByRole('heading', { name: 'Uw huisarts kijkt mee met een specialist' })).toBeTruthy();
    expect(leaflet().textContent).toContain('een specialist (dermatologie) gevraagd om mee te kijken');
    expect(leaflet().textContent).toContain('bij uw eigen huisarts blijven');
    expect(within(leaflet()).getByText('Een meekijkconsult is gratis voor u. Het gaat niet af van uw eigen risico.')).toBeTruthy();
  });

  it('is printed in English for a patient who reads English, whatever the screen\'s language', () => {
    renderPage();
    fireEvent.change(screen.getByLabelText('Taal van de folder'), { target: { value: 'en' } });
    expect(leaflet().getAttribute('lang')).toBe('en');
    expect(within(leaflet()).getByText(/This consultation is free for you\. It does not count towards your deductible/)).toBeTruthy();
    expect(leaflet().textContent).toContain('a specialist (dermatology)');
    expect(within(leaflet()).getByText('K7M2-Q9TX')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Afdrukken' })).toBeTruthy();
  });

  it('prints with the browser\'s print', () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Afdrukken' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it("says in the server's words why there is no leaflet", () => {
    vi.mocked(useLeaflet).mockReturnValue({
      data: undefined, isPending: false, isError: true, error: new ApiError(409, 'conflict', 'Dit consult is nog niet verstuurd.'),
    } as never);
    renderPage();
    expect(screen.getByRole('alert').textContent).toBe('Dit consult is nog niet verstuurd.');
    expect(screen.getByRole('link', { name: 'Terug naar het consult' }).getAttribute('href')).toBe('/consults/7');
  });
});

describe('LeafletButton', () => {
  beforeEach(() => i18n.changeLanguage('nl'));
  afterEach(cleanup);

  const renderButton = (consult: ReturnType<typeof consultFixture>) =>
    render(<MemoryRouter><LeafletButton consult={consult} /></MemoryRouter>);

  it("leads the practice's GP and assistant from a sent consult to its leaflet", () => {
    for (const viewer_role of ['gp', 'assistant'] as const) {
      renderButton(consultFixture({ viewer_role }));
      expect(screen.getByRole('link', { name: 'Patiëntfolder' }).getAttribute('href')).toBe('/consults/7/folder');
      cleanup();
    }
  });

  it('offers nothing on a draft or a cancelled consult, nor to the specialist', () => {
    renderButton(consultFixture({ status: 'draft', sent_at: null }));
    renderButton(consultFixture({ status: 'cancelled' }));
    renderButton(consultFixture({ viewer_role: 'specialist', status: 'answered' }));
    expect(screen.queryByRole('link', { name: 'Patiëntfolder' })).toBeNull();
  });
});
