// /spreekuren: the sessions of the period in the address (this week and eight more by default) as a
// table a screen reader reads — day (a link to the session), time, place, specialist, practices,
// status and "3 van 4" beside a bar it does not hear; a period that is none is refused at its
// field before anything is asked. Coordinators plan sessions here: what is missing is refused in
// the browser, the server's refusal placed at its field, and the days skipped as holidays told.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { useAgreements, useOrganisations, usePools, type Agreement } from '../region/api';
import { kAgreement, kOrganisations, kPools } from '../region/regionFixture';
import { kMeKey, type Role, type User } from '../session/session';
import { planSessions, useClinicSessions } from './api';
import ClinicSessionsPage from './ClinicSessionsPage';
import { kFullSession, kOpenSession, summaryOf } from './clinicFixture';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useClinicSessions: vi.fn(),
  planSessions: vi.fn(),
}));
vi.mock('../region/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../region/api')>()),
  useAgreements: vi.fn(),
  usePools: vi.fn(),
  useOrganisations: vi.fn(),
}));

const kPhysical: Agreement = { ...kAgreement, id: 1, modes: ['digital', 'physical'], pool: { id: 1, name: 'Dermatologie Maasstad', organisation: 'Maasstad Ziekenhuis' } };
const ok = <T,>(items: T[]) => ({ data: { items }, isSuccess: true, isPending: false, error: null }) as never;

function user(role: Role): User {
  return {
    id: 1, username: 'someone', display_name: 'Iemand', roles: [role], pools: [],
    memberships: [{ organisation_id: 7, organisation_name: 'Maasstad Ziekenhuis', organisation_kind: 'hospital', role }],
    second_factor: { enrolled: true, this_login: true, required: false },
  };
}

function renderPage(role: Role, path = '/spreekuren?from=2026-12-07&to=2027-02-07') {
  const client = new QueryClient();
  client.setQueryData(kMeKey, user(role));
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}><ClinicSessionsPage /></MemoryRouter>
    </QueryClientProvider>,
  );
}

const planForm = () => screen.getByRole('form', { name: 'Spreekuur plannen' });

describe('ClinicSessionsPage', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    vi.mocked(useClinicSessions).mockReset().mockReturnValue({
      data: { items: [summaryOf(kFullSession), summaryOf({ ...kOpenSession, status: 'cancelled' })] }, isPending: false, isSuccess: true, error: null,
    } as never);
    vi.mocked(planSessions).mockReset();
    vi.mocked(useAgreements).mockReturnValue(ok([kAgreement, kPhysical]));
    vi.mocked(usePools).mockReturnValue(ok(kPools));
    vi.mocked(useOrganisations).mockReturnValue(ok([...kOrganisations, { ...kOrganisations[2]!, id: 4, name: 'Gezondheidscentrum Zuidplein' }]));
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('lists the sessions of the period with their fill rate in words', () => {
    renderPage('gp');
    expect(useClinicSessions).toHaveBeenCalledWith('2026-12-07', '2027-02-07');
    const table = screen.getByRole('table', { name: '7 december 2026 tot en met 7 februari 2027' });
    const [, first, second] = within(table).getAllByRole('row');
    const link = within(first!).getByRole('link', { name: 'dinsdag 8 december 2026' });
    expect(link.getAttribute('href')).toBe('/spreekuren/1');
    expect(within(first!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '13:00–14:20', 'Huisartsenpraktijk Kralingen, Oudedijk 120, spreekkamer 3', 'Dr. Eva Smit, dermatoloog',
      'Huisartsenpraktijk Kralingen, Gezondheidscentrum Zuidplein', 'Gepland', '4 van 4, 1 op de wachtlijst',
    ]);
    expect(within(second!).getAllByRole('cell').slice(-2).map((c) => c.textContent)).toEqual(['Vervallen', '1 van 4']);
    expect(first!.querySelector('.mk-fill__bar')?.getAttribute('aria-hidden')).toBe('true');
    expect((second!.querySelector('.mk-fill__done') as HTMLElement).style.inlineSize).toBe('25%');
  });

  it('tells a GP to book from the consult, and offers no planning', () => {
    renderPage('gp');
    expect(screen.getByText('Een patiënt boekt u vanuit het consult, met ‘Tijdslot kiezen’.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Spreekuur plannen' })).toBeNull();
  });

  it('starts with this week and eight more when the address names no period', () => {
    renderPage('specialist', '/spreekuren');
    const [from, to] = vi.mocked(useClinicSessions).mock.calls[0]!;
    expect(new Date(`${from}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(new Date(`${to}T00:00:00Z`).getUTCDay()).toBe(0);
  });

  it('refuses a last day before the first at its field, asking nothing', () => {
    renderPage('specialist');
    const search = screen.getByRole('search', { name: 'Periode' });
    fireEvent.change(within(search).getByLabelText('Tot en met'), { target: { value: '2026-12-01' } });
    fireEvent.click(within(search).getByRole('button', { name: 'Tonen' }));
    expect(within(search).getByText('De laatste dag ligt vóór de eerste.')).toBeTruthy();
    expect(vi.mocked(useClinicSessions).mock.calls.every(([, to]) => to === '2027-02-07')).toBe(true);
  });

  it('shows the server refusal of a period at the field it names', () => {
    vi.mocked(useClinicSessions).mockReturnValue({
      data: undefined, isPending: false, isSuccess: false, error: new ApiError(422, 'invalid_argument', 'Hoogstens een jaar.', 'to'),
    } as never);
    renderPage('coordinator');
    expect(within(screen.getByRole('search', { name: 'Periode' })).getByText('Hoogstens een jaar.')).toBeTruthy();
  });

  it('lets a coordinator plan only under a physical agreement, with its pool and practices', () => {
    renderPage('coordinator');
    const agreement = within(planForm()).getByLabelText(/^Samenwerkingsafspraak/) as HTMLSelectElement;
    expect([...agreement.options].map((o) => o.textContent)).toEqual(['Kies een afspraak', 'Dermatologie Maasstad met Zorggroep Rijnmond Zuid']);
    fireEvent.change(agreement, { target: { value: '1' } });
    const specialist = within(planForm()).getByLabelText(/^Specialist/) as HTMLSelectElement;
    expect([...specialist.options].map((o) => o.textContent)).toEqual([
      'Kies een specialist', 'Dr. Eva Smit, dermatoloog', 'Dr. Joost Mulder, dermatoloog',
    ]);
    const practices = within(planForm()).getByRole('group', { name: 'Praktijken' });
    expect(within(practices).getAllByRole('checkbox').map((box) => [box.closest('label')?.textContent, (box as HTMLInputElement).checked]))
      .toEqual([['Huisartsenpraktijk Kralingen', true], ['Gezondheidscentrum Zuidplein', true]]);
  });

  it('refuses an incomplete plan in the browser, at each field', () => {
    renderPage('coordinator');
    fireEvent.click(within(planForm()).getByLabelText('Herhalen'));
    fireEvent.click(within(planForm()).getByRole('button', { name: 'Spreekuur plannen' }));
    for (const message of ['‘Samenwerkingsafspraak’ is verplicht.', '‘Locatie’ is verplicht.', '‘Datum’ is verplicht.', '‘Aantal spreekuren’ is verplicht.']) {
      expect(within(planForm()).getByText(message)).toBeTruthy();
    }
    expect(document.activeElement).toBe(within(planForm()).getByLabelText(/^Samenwerkingsafspraak/));
    expect(planSessions).not.toHaveBeenCalled();
  });

  function fillPlan() {
    fireEvent.change(within(planForm()).getByLabelText(/^Samenwerkingsafspraak/), { target: { value: '1' } });
    fireEvent.change(within(planForm()).getByLabelText(/^Specialist/), { target: { value: '6' } });
    fireEvent.click(within(planForm()).getByLabelText('Gezondheidscentrum Zuidplein'));
    fireEvent.change(within(planForm()).getByLabelText(/^Locatie/), { target: { value: 'Kralingen, spreekkamer 3' } });
    fireEvent.change(within(planForm()).getByLabelText(/^Datum/), { target: { value: '2026-12-18' } });
    fireEvent.change(within(planForm()).getByLabelText(/^Begintijd/), { target: { value: '13:00' } });
    fireEvent.change(within(planForm()).getByLabelText(/^Eindtijd/), { target: { value: '14:20' } });
  }

  it('plans a series and names the holidays it skipped', async () => {
    vi.mocked(planSessions).mockResolvedValue({
      items: [summaryOf({ ...kOpenSession, id: 9, day: '2026-12-18' }), summaryOf({ ...kOpenSession, id: 10, day: '2027-01-08' })],
      skipped_days: ['2026-12-25', '2027-01-01'],
    });
    renderPage('coordinator');
    fillPlan();
    fireEvent.click(within(planForm()).getByLabelText('Herhalen'));
    fireEvent.change(within(planForm()).getByLabelText(/^Elke … weken/), { target: { value: '1' } });
    fireEvent.change(within(planForm()).getByLabelText(/^Aantal spreekuren/), { target: { value: '4' } });
    fireEvent.click(within(planForm()).getByRole('button', { name: 'Spreekuur plannen' }));

    const report = await screen.findByText(/^2 spreekuren gepland:/);
    expect(report.textContent).toBe('2 spreekuren gepland: vrijdag 18 december 2026, vrijdag 8 januari 2027.');
    expect(screen.getByText(/^2 dagen overgeslagen/).textContent)
      .toBe('2 dagen overgeslagen, feestdagen of dagen buiten de afspraak: vrijdag 25 december 2026, vrijdag 1 januari 2027.');
    expect(report.closest('[role="status"]')).toBeTruthy();
    expect(planSessions).toHaveBeenCalledWith({
      agreement_id: 1, specialist_id: 6, practice_ids: [3], location: 'Kralingen, spreekkamer 3', day: '2026-12-18',
      starts_at: '13:00', ends_at: '14:20', repeat: { every_weeks: 1, count: 4 },
    });
    expect((within(planForm()).getByLabelText(/^Locatie/) as HTMLInputElement).value).toBe('');
  });

  it("puts the server's refusal at the field it names", async () => {
    vi.mocked(planSessions).mockRejectedValue(new ApiError(422, 'invalid_argument', 'Kies een werkdag: 2026-12-19 is een weekenddag.', 'day'));
    renderPage('coordinator');
    fillPlan();
    fireEvent.change(within(planForm()).getByLabelText(/^Datum/), { target: { value: '2026-12-19' } });
    fireEvent.click(within(planForm()).getByRole('button', { name: 'Spreekuur plannen' }));
    const day = within(planForm()).getByLabelText(/^Datum/);
    await waitFor(() => expect(day.getAttribute('aria-invalid')).toBe('true'));
    expect(within(planForm()).getByText('Kies een werkdag: 2026-12-19 is een weekenddag.')).toBeTruthy();
    expect(document.activeElement).toBe(day);
  });
});
