// The pools of the region with their members; only a pool of the caller's own organisation can be
// changed: its name and its members, chosen from the specialists of that organisation, with the
// server's refusal at the field it names and the focus back on the row's button afterwards; and
// its week roster opened from the row, the focus back on that row's button when it closes.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import i18n from '../../i18n/i18n';
import { useRoster } from '../../rosters/api';
import { kMeKey, type User } from '../../session/session';
import { useManagedUsers, type ManagedUser } from '../../users/api';
import { changePool, usePools, type Pool } from '../api';
import { kPools } from '../regionFixture';
import PoolsPage from './PoolsPage';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  usePools: vi.fn(),
  changePool: vi.fn(),
}));
vi.mock('../../rosters/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../rosters/api')>()),
  useRoster: vi.fn(),
}));
vi.mock('../../users/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../users/api')>()),
  useManagedUsers: vi.fn(),
}));

const kCoordinator: User = {
  id: 18, username: 'coordinator.maasstad', display_name: 'Erik van Leeuwen', roles: ['coordinator'], pools: [],
  memberships: [{ organisation_id: 7, organisation_name: 'Maasstad Ziekenhuis', organisation_kind: 'hospital', role: 'coordinator' }],
  second_factor: { enrolled: true, this_login: true, required: false },
};

const kOwn: Pool = { ...kPools[0]!, may_change: true };

const person = (id: number, name: string, organisation: number, role: 'specialist' | 'coordinator', active = true): ManagedUser => ({
  id, username: `user${id}`, display_name: name, email: '', active, second_factor: true, agb: null,
  memberships: [{ organisation_id: organisation, organisation_name: 'Maasstad Ziekenhuis', role }],
});

function renderPage() {
  const client = new QueryClient();
  client.setQueryData(kMeKey, kCoordinator);
  render(<QueryClientProvider client={client}><PoolsPage /></QueryClientProvider>);
}

const rowOf = (name: string) => screen.getAllByRole('row').find((row) => within(row).queryByRole('rowheader', { name }))!;

describe('PoolsPage', () => {
  beforeEach(async () => {
    vi.mocked(usePools).mockReturnValue({ data: { items: [kOwn, kPools[1]!] }, isPending: false, isSuccess: true, error: null } as never);
    vi.mocked(useManagedUsers).mockReturnValue({
      data: { items: [
        person(6, 'Dr. Eva Smit, dermatoloog', 7, 'specialist'), person(9, 'Dr. Hugo Bos, neuroloog', 7, 'specialist'),
        person(18, 'Erik van Leeuwen', 7, 'coordinator'), person(20, 'Dr. Oud, gestopt', 7, 'specialist', false),
      ] },
      isPending: false, isSuccess: true, error: null,
    } as never);
    vi.mocked(changePool).mockReset().mockResolvedValue({ ...kOwn, name: 'Huid Maasstad' });
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('lists the pools with their members, and offers changing only the own ones', () => {
    renderPage();
    expect(within(rowOf('Dermatologie Maasstad')).getAllByRole('listitem').map((i) => i.textContent)).toEqual([
      'Dr. Eva Smit, dermatoloog', 'Dr. Joost Mulder, dermatoloog',
    ]);
    expect(within(rowOf('Dermatologie Maasstad')).getByRole('button', { name: 'Wijzigen (Dermatologie Maasstad)' })).toBeTruthy();
    expect(within(rowOf('Gynaecologie Ikazia')).queryByRole('button')).toBeNull();
    expect(within(rowOf('Gynaecologie Ikazia')).getByText('Van een andere organisatie')).toBeTruthy();
  });

  it("offers the members and the organisation's active specialists, and saves name and members", async () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigen (Dermatologie Maasstad)' }));
    const editor = screen.getByRole('form', { name: 'Pool Dermatologie Maasstad wijzigen' });
    expect(document.activeElement).toBe(within(editor).getByRole('heading'));
    const members = within(editor).getByRole('group', { name: 'Leden' });
    expect(within(members).getAllByRole('checkbox').map((box) => [box.closest('label')?.textContent, (box as HTMLInputElement).checked])).toEqual([
      ['Dr. Eva Smit, dermatoloog', true], ['Dr. Hugo Bos, neuroloog', false], ['Dr. Joost Mulder, dermatoloog', true],
    ]);
    fireEvent.change(within(editor).getByLabelText('Naam van de pool'), { target: { value: ' Huid Maasstad ' } });
    fireEvent.click(within(members).getByLabelText('Dr. Joost Mulder, dermatoloog'));
    fireEvent.click(within(members).getByLabelText('Dr. Hugo Bos, neuroloog'));
    fireEvent.click(within(editor).getByRole('button', { name: 'Pool opslaan' }));

    expect(await screen.findByText('Pool Huid Maasstad is opgeslagen.')).toBeTruthy();
    expect(changePool).toHaveBeenCalledWith(1, { name: 'Huid Maasstad', member_ids: [6, 9] });
    expect(screen.queryByRole('form')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Wijzigen (Dermatologie Maasstad)' })));
  });

  it("puts the server's refusal at the members", async () => {
    vi.mocked(changePool).mockRejectedValue(new ApiError(422, 'invalid_argument',
      'Alleen specialisten en kaderhuisartsen van deze organisatie horen in haar pools (gebruiker 13).', 'member_ids'));
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigen (Dermatologie Maasstad)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pool opslaan' }));
    const message = await screen.findByText(/^Alleen specialisten en kaderhuisartsen/);
    expect(screen.getByRole('group', { name: 'Leden' }).getAttribute('aria-describedby')).toContain(message.id);
  });

  it("opens the roster of an own pool from its row, and gives the focus back when it closes", async () => {
    vi.mocked(useRoster).mockReturnValue({
      data: {
        pool_id: 1, pool_name: 'Dermatologie Maasstad', week: '2026-W50', has_roster: false, may_change: true,
        members: [{ id: 6, name: 'Dr. Eva Smit, dermatoloog', on_duty: false, absent: false }],
      },
      isPending: false, error: null,
    } as never);
    renderPage();
    expect(within(rowOf('Gynaecologie Ikazia')).queryByRole('button', { name: /^Rooster/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Rooster (Dermatologie Maasstad)' }));
    const panel = screen.getByRole('region', { name: 'Rooster Dermatologie Maasstad' });
    expect(document.activeElement).toBe(within(panel).getByRole('heading'));
    expect(vi.mocked(useRoster).mock.lastCall).toEqual([1, null]);
    expect(within(panel).getByRole('checkbox', { name: 'Dienst Dr. Eva Smit, dermatoloog' })).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByRole('region', { name: 'Rooster Dermatologie Maasstad' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rooster (Dermatologie Maasstad)' })));
  });
});
