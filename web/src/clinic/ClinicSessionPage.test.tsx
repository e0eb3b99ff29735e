// /spreekuren/:id: a session's slots in a table (the viewer's own consults by number and link,
// another practice's only as "Geboekt", free ones as "Vrij"), its waiting list, the day list for
// its specialist only; the coordinators move it, made to the version on screen (a 409 offers the
// newest), and cancel it after a confirmation in a dialog. A session the caller may not see is
// "not found".
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { allowDialogsInJsdom } from '../components/dialogTesting';
import i18n from '../i18n/i18n';
import { cancelSession, moveSession, useClinicSession, type ClinicSessionDetail } from './api';
import ClinicSessionPage from './ClinicSessionPage';
import { kFullSession, kOpenSession } from './clinicFixture';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useClinicSession: vi.fn(),
  moveSession: vi.fn(),
  cancelSession: vi.fn(),
}));

const refetch = vi.fn();

function serve(session: ClinicSessionDetail) {
  vi.mocked(useClinicSession).mockReturnValue({ data: session, isPending: false, isError: false, error: null, refetch } as never);
}

function renderPage(id = 1) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[`/spreekuren/${id}`]}>
        <Routes><Route path="/spreekuren/:id" element={<ClinicSessionPage />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const kCoordinated: ClinicSessionDetail = { ...kOpenSession, may_change: true, may_book: false, version: 4 };

describe('ClinicSessionPage', () => {
  beforeEach(async () => {
    allowDialogsInJsdom();
    refetch.mockReset();
    vi.mocked(moveSession).mockReset();
    vi.mocked(cancelSession).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it("lists the slots with the GP's own consults as links, another practice's as booked", () => {
    serve(kFullSession);
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Spreekuur dinsdag 8 december 2026' })).toBeTruthy();
    const rows = within(screen.getByRole('table', { name: 'Tijdsloten van dinsdag 8 december 2026' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['13:00–13:20', 'MK-2026-00010', 'Huisartsenpraktijk Kralingen', 'Verwacht'],
      ['13:20–13:40', 'Geboekt', '—', 'Verwacht'],
      ['13:40–14:00', 'MK-2026-00012', 'Huisartsenpraktijk Kralingen', 'Verwacht'],
      ['14:00–14:20', 'Geboekt', '—', 'Verwacht'],
    ]);
    expect(within(rows[0]!).getByRole('link', { name: 'MK-2026-00010' }).getAttribute('href')).toBe('/consults/10');
    const waiting = screen.getByRole('region', { name: 'Wachtlijst' });
    expect(within(waiting).getByRole('link', { name: 'MK-2026-00014' }).getAttribute('href')).toBe('/consults/14');
    expect(screen.queryByRole('link', { name: 'Daglijst openen' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Spreekuur wijzigen' })).toBeNull();
  });

  it('shows free slots as free and leads the specialist to the day list', () => {
    serve({ ...kOpenSession, holds: true, may_book: false });
    renderPage(2);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.children[1]?.textContent)).toEqual(['Vrij', 'MK-2026-00015', 'Vrij', 'Vrij']);
    expect(screen.getByRole('link', { name: 'Daglijst openen' }).getAttribute('href')).toBe('/spreekuren/2/daglijst');
    expect(screen.getByText('Niemand staat op de wachtlijst.')).toBeTruthy();
  });

  it('moves the session to the version on screen and says where to', async () => {
    serve(kCoordinated);
    vi.mocked(moveSession).mockResolvedValue({ ...kCoordinated, day: '2026-12-23', start_time: '14:00', end_time: '15:20', version: 5 });
    renderPage(2);
    const change = screen.getByRole('region', { name: 'Spreekuur wijzigen' });
    const day = within(change).getByLabelText(/^Datum/) as HTMLInputElement;
    expect([day.value, (within(change).getByLabelText(/^Begintijd/) as HTMLInputElement).value]).toEqual(['2026-12-22', '13:00']);
    fireEvent.change(day, { target: { value: '2026-12-23' } });
    fireEvent.change(within(change).getByLabelText(/^Begintijd/), { target: { value: '14:00' } });
    fireEvent.click(within(change).getByRole('button', { name: 'Spreekuur verplaatsen' }));
    expect(await screen.findByText('Het spreekuur is verplaatst naar woensdag 23 december 2026, 14:00–15:20.')).toBeTruthy();
    expect(moveSession).toHaveBeenCalledWith(2, { version: 4, day: '2026-12-23', starts_at: '14:00' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });

  it('says so when someone else changed the session first, and loads the newest', async () => {
    serve(kCoordinated);
    vi.mocked(moveSession).mockRejectedValue(new ApiError(409, 'conflict', 'Iemand anders heeft dit spreekuur net gewijzigd. Laad het opnieuw.'));
    renderPage(2);
    fireEvent.click(screen.getByRole('button', { name: 'Spreekuur verplaatsen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Iemand anders heeft dit spreekuur net gewijzigd. Laad het opnieuw.');
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwste versie laden' }));
    expect(refetch).toHaveBeenCalled();
  });

  it("puts the server's refusal of a day at the date", async () => {
    serve(kCoordinated);
    vi.mocked(moveSession).mockRejectedValue(new ApiError(422, 'invalid_argument', 'Kies een werkdag.', 'day'));
    renderPage(2);
    fireEvent.click(screen.getByRole('button', { name: 'Spreekuur verplaatsen' }));
    const day = screen.getByLabelText(/^Datum/);
    await waitFor(() => expect(day.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(day);
  });

  it('cancels the session only after the confirmation in the dialog', async () => {
    serve(kCoordinated);
    vi.mocked(cancelSession).mockResolvedValue({ ...kCoordinated, status: 'cancelled' });
    renderPage(2);
    fireEvent.click(screen.getByRole('button', { name: 'Spreekuur laten vervallen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Spreekuur laten vervallen' });
    expect(within(dialog).getByText(/De boekingen en de wachtlijst vervallen/)).toBeTruthy();
    expect(cancelSession).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spreekuur laten vervallen' }));
    expect(await screen.findByText('Het spreekuur is vervallen.')).toBeTruthy();
    expect(cancelSession).toHaveBeenCalledWith(2);
  });

  it('says "not found" for a session the caller may not see', () => {
    vi.mocked(useClinicSession).mockReturnValue({
      data: undefined, isPending: false, isError: true, error: new ApiError(404, 'not_found', 'Dit spreekuur bestaat niet.'), refetch,
    } as never);
    renderPage(99);
    expect(screen.getByRole('heading', { level: 1, name: 'Spreekuur niet gevonden' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Terug naar de spreekuren' }).getAttribute('href')).toBe('/spreekuren');
  });
});
