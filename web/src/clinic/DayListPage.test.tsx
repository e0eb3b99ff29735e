// /spreekuren/:id/daglijst: per booked patient the slot and consult, practice, patient, reason,
// question, summary and attachments (each opened or downloaded through the attachment address), a
// link to the consult, and "Gezien" / "Niet gekomen": the recorded one pressed, the server's
// refusal before the day said next to the buttons. Someone other than the specialist is told why.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { clinicKeys, recordAttendance, useDayList, type DayList } from './api';
import { kDayList } from './clinicFixture';
import DayListPage from './DayListPage';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useDayList: vi.fn(),
  recordAttendance: vi.fn(),
}));

let client: QueryClient;

function renderPage() {
  client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/spreekuren/2/daglijst']}>
        <Routes><Route path="/spreekuren/:id/daglijst" element={<DayListPage />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const patient = () => screen.getByRole('region', { name: '13:20–13:40 · MK-2026-00015' });

describe('DayListPage', () => {
  beforeEach(async () => {
    vi.mocked(useDayList).mockReturnValue({ data: kDayList, isPending: false, isError: false, error: null } as never);
    vi.mocked(recordAttendance).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('shows each patient with what the specialist needs for the session', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Daglijst dinsdag 22 december 2026' })).toBeTruthy();
    const value = (term: string) => within(patient()).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Praktijk')).toBe('Gezondheidscentrum Zuidplein');
    expect(value('Patiënt')).toBe('Man, geboren in 1984');
    expect(value('Reden (ICPC-code)')).toBe('S82');
    expect(value('Vraag aan de specialist')).toBe('Meerdere atypische moedervlekken op de rug; graag samen beoordelen.');
    expect(value('Klinische samenvatting')).toBe('Man, 42 jaar. Familieanamnese melanoom (vader).');
    expect(within(patient()).getByRole('link', { name: 'rug.jpg' }).getAttribute('href')).toBe('/api/v1/attachments/31');
    expect(within(patient()).getByRole('link', { name: 'Downloaden rug.jpg' }).getAttribute('href')).toBe('/api/v1/attachments/31?download=1');
    expect(within(patient()).getByRole('link', { name: 'Consult MK-2026-00015 openen' }).getAttribute('href')).toBe('/consults/15');
  });

  it("says the server's refusal before the day next to the buttons", async () => {
    vi.mocked(recordAttendance).mockRejectedValue(new ApiError(409, 'conflict', 'Wie er kwam, legt u vast op of na de dag van het spreekuur.'));
    renderPage();
    const buttons = within(patient()).getByRole('group', { name: 'Aanwezigheid bij MK-2026-00015' });
    fireEvent.click(within(buttons).getByRole('button', { name: 'Gezien' }));
    expect((await within(patient()).findByRole('alert')).textContent).toBe('Wie er kwam, legt u vast op of na de dag van het spreekuur.');
    expect(recordAttendance).toHaveBeenCalledWith(6, 'seen');
  });

  it('records who did not come, and shows it pressed', async () => {
    vi.mocked(recordAttendance).mockResolvedValue({ ...kDayList.patients[0]!.slot, attendance: 'no_show' });
    renderPage();
    client.setQueryData(clinicKeys.dayList(2), kDayList);
    fireEvent.click(within(patient()).getByRole('button', { name: 'Niet gekomen' }));
    await waitFor(() => expect(client.getQueryData<DayList>(clinicKeys.dayList(2))?.patients[0]?.slot.attendance).toBe('no_show'));
    expect(recordAttendance).toHaveBeenCalledWith(6, 'no_show');
  });

  it('shows the pressed button of a recorded attendance', () => {
    const seen = { ...kDayList, patients: [{ ...kDayList.patients[0]!, slot: { ...kDayList.patients[0]!.slot, attendance: 'seen' as const } }] };
    vi.mocked(useDayList).mockReturnValue({ data: seen, isPending: false, isError: false, error: null } as never);
    renderPage();
    expect(within(patient()).getByRole('button', { name: 'Gezien' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(patient()).getByRole('button', { name: 'Niet gekomen' }).getAttribute('aria-pressed')).toBe('false');
    expect(within(patient()).getByRole('status').textContent).toBe('Aanwezigheid: Gezien');
  });

  it('tells someone other than the specialist why there is no list', () => {
    vi.mocked(useDayList).mockReturnValue({
      data: undefined, isPending: false, isError: true,
      error: new ApiError(403, 'forbidden', 'Alleen de specialist van dit spreekuur ziet de daglijst.'),
    } as never);
    renderPage();
    expect(screen.getByRole('alert').textContent).toBe('Alleen de specialist van dit spreekuur ziet de daglijst.');
  });
});
