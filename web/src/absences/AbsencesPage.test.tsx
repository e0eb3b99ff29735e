// /afwezigheid: recording an absence (refused in the browser without its days and reason, at each
// field; the server's refusal at the field it names), a coordinator choosing whose; the absences
// listed with who, when and why, removed after a confirmation (the focus back on the row's button
// when cancelled); and the rosters of the member's own pools.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { useRoster } from '../rosters/api';
import { kMeKey, type User } from '../session/session';
import { useManagedUsers } from '../users/api';
import AbsencesPage from './AbsencesPage';
import { addAbsence, removeAbsence, useAbsences, type Absence } from './api';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useAbsences: vi.fn(),
  addAbsence: vi.fn(),
  removeAbsence: vi.fn(),
}));
vi.mock('../users/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../users/api')>()),
  useManagedUsers: vi.fn(),
}));
vi.mock('../rosters/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../rosters/api')>()),
  useRoster: vi.fn(),
}));

const kSpecialist: User = {
  id: 6, username: 'specialist.smit', display_name: 'Dr. Eva Smit, dermatoloog', roles: ['specialist'],
  pools: [{ id: 1, name: 'Dermatologie Maasstad', specialty: 'dermatologie' }],
  memberships: [{ organisation_id: 7, organisation_name: 'Maasstad Ziekenhuis', organisation_kind: 'hospital', role: 'specialist' }],
  second_factor: { enrolled: true, this_login: true, required: false },
};

const kCoordinator: User = {
  ...kSpecialist, id: 18, username: 'coordinator.maasstad', display_name: 'Erik van Leeuwen', roles: ['coordinator'], pools: [],
  memberships: [{ organisation_id: 7, organisation_name: 'Maasstad Ziekenhuis', organisation_kind: 'hospital', role: 'coordinator' }],
};

const kAbsence: Absence = {
  id: 4, user: { id: 6, name: 'Dr. Eva Smit, dermatoloog' }, first_day: '2026-12-21', last_day: '2026-12-24', reason: 'holiday',
  may_change: true,
};

function renderPage(user: User) {
  const client = new QueryClient();
  client.setQueryData(kMeKey, user);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter><AbsencesPage /></MemoryRouter>
    </QueryClientProvider>,
  );
}

const form = () => screen.getByRole('form', { name: 'Afwezigheid vastleggen' });

function fill(first: string, last: string, reason?: string) {
  fireEvent.change(within(form()).getByLabelText(/^Eerste dag/), { target: { value: first } });
  fireEvent.change(within(form()).getByLabelText(/^Laatste dag/), { target: { value: last } });
  if (reason) fireEvent.click(within(form()).getByLabelText(reason));
}

describe('AbsencesPage', () => {
  beforeEach(async () => {
    vi.mocked(useAbsences).mockReturnValue({ data: { items: [kAbsence] }, isPending: false, error: null } as never);
    vi.mocked(addAbsence).mockReset().mockResolvedValue(kAbsence);
    vi.mocked(removeAbsence).mockReset().mockResolvedValue(undefined as never);
    vi.mocked(useManagedUsers).mockReturnValue({
      data: { items: [
        { id: 7, display_name: 'Dr. Joost Mulder, dermatoloog', active: true },
        { id: 18, display_name: 'Erik van Leeuwen', active: true },
        { id: 20, display_name: 'Dr. Oud, gestopt', active: false },
      ] },
      error: null,
    } as never);
    vi.mocked(useRoster).mockReturnValue({
      data: {
        pool_id: 1, pool_name: 'Dermatologie Maasstad', week: '2026-W52', has_roster: true, may_change: false,
        members: [{ id: 6, name: 'Dr. Eva Smit, dermatoloog', on_duty: true, absent: true }],
      },
      isPending: false, error: null,
    } as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('lists the absences with who, the days in words and the reason', () => {
    renderPage(kSpecialist);
    const [, row] = within(screen.getByRole('region', { name: 'Vastgelegde afwezigheid' })).getAllByRole('row');
    expect(within(row!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '21 december 2026', '24 december 2026', 'Vakantie', 'Verwijderen (afwezigheid van Dr. Eva Smit, dermatoloog vanaf 21 december 2026)',
    ]);
  });

  it('refuses in the browser what lacks its days or reason, at each field', async () => {
    renderPage(kSpecialist);
    fireEvent.click(within(form()).getByRole('button', { name: 'Vastleggen' }));
    expect(await within(form()).findByText('‘Eerste dag’ is verplicht.')).toBeTruthy();
    expect(within(form()).getByText('‘Laatste dag’ is verplicht.')).toBeTruthy();
    expect(within(form()).getByText('‘Reden’ is verplicht.')).toBeTruthy();
    expect(document.activeElement).toBe(within(form()).getByLabelText(/^Eerste dag/));
    expect(addAbsence).not.toHaveBeenCalled();
  });

  it("records one's own absence, without a person to choose, and says so", async () => {
    renderPage(kSpecialist);
    expect(within(form()).queryByLabelText('Wie')).toBeNull();
    fill('2026-12-21', '2026-12-24', 'Vakantie');
    fireEvent.click(within(form()).getByRole('button', { name: 'Vastleggen' }));
    expect(await screen.findByText('De afwezigheid is vastgelegd.')).toBeTruthy();
    expect(addAbsence).toHaveBeenCalledWith({ first_day: '2026-12-21', last_day: '2026-12-24', reason: 'holiday' });
    expect((within(form()).getByLabelText(/^Eerste dag/) as HTMLInputElement).value).toBe('');
  });

  it("puts the server's refusal at the field it names", async () => {
    vi.mocked(addAbsence).mockRejectedValue(new ApiError(422, 'invalid_argument', 'De laatste dag ligt vóór de eerste.', 'last_day'));
    renderPage(kSpecialist);
    fill('2026-12-21', '2026-12-20', 'Ziekte');
    fireEvent.click(within(form()).getByRole('button', { name: 'Vastleggen' }));
    const last = within(form()).getByLabelText(/^Laatste dag/);
    await waitFor(() => expect(last.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form()).getByText('De laatste dag ligt vóór de eerste.')).toBeTruthy();
    expect(document.activeElement).toBe(last);
  });

  it('lets a coordinator choose whose absence: oneself or one of the active people they manage', async () => {
    renderPage(kCoordinator);
    const who = within(form()).getByLabelText('Wie') as HTMLSelectElement;
    expect([...who.options].map((o) => o.textContent)).toEqual(['Uzelf (Erik van Leeuwen)', 'Dr. Joost Mulder, dermatoloog']);
    fireEvent.change(who, { target: { value: '7' } });
    fill('2026-12-28', '2026-12-31', 'Anders');
    fireEvent.click(within(form()).getByRole('button', { name: 'Vastleggen' }));
    await screen.findByText('De afwezigheid is vastgelegd.');
    expect(addAbsence).toHaveBeenCalledWith({ user_id: 7, first_day: '2026-12-28', last_day: '2026-12-31', reason: 'other' });
    expect(screen.queryByRole('region', { name: 'Roosters van uw pools' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Naar de pools' }).getAttribute('href')).toBe('/pools');
  });

  it('removes an absence after a confirmation, and gives the focus back when cancelled', async () => {
    renderPage(kSpecialist);
    const remove = () => screen.getByRole('button', { name: /^Verwijderen \(afwezigheid van Dr\. Eva Smit/ });
    fireEvent.click(remove());
    expect(screen.queryByRole('table', { name: 'Vastgelegde afwezigheid' })).toBeNull();
    expect(screen.getByText(/^De afwezigheid van Dr\. Eva Smit, dermatoloog van 21 december 2026 tot en met 24 december 2026 verwijderen\?/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Afwezigheid verwijderen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(document.activeElement).toBe(remove()));
    expect(removeAbsence).not.toHaveBeenCalled();

    fireEvent.click(remove());
    fireEvent.click(screen.getByRole('button', { name: 'Verwijderen' }));
    expect(await screen.findByText('De afwezigheid is verwijderd.')).toBeTruthy();
    expect(removeAbsence).toHaveBeenCalledWith(4);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Vastgelegde afwezigheid' }));
  });

  it("shows the rosters of the member's pools, read-only, with who is away", () => {
    renderPage(kSpecialist);
    const rosters = screen.getByRole('region', { name: 'Roosters van uw pools' });
    const roster = within(rosters).getByRole('region', { name: 'Rooster Dermatologie Maasstad' });
    expect(within(roster).getByRole('heading', { level: 3 })).toBeTruthy();
    expect(within(roster).getByRole('rowheader', { name: 'Dr. Eva Smit, dermatoloog afwezig' })).toBeTruthy();
    expect(within(roster).queryByRole('checkbox')).toBeNull();
  });
});
