// A pool's week roster: the week in words with the way to the previous and next week; for those
// who keep the pool a box "Dienst" per member, saved as the ids ticked; for the others who is on
// duty in words; absent members marked "afwezig"; without a roster for the week, it says new
// consults go to everyone.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { setRoster, useRoster, type Roster } from './api';
import { RosterPanel } from './RosterPanel';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useRoster: vi.fn(),
  setRoster: vi.fn(),
}));

function roster(fields: Partial<Roster> = {}): Roster {
  return {
    pool_id: 1, pool_name: 'Dermatologie Maasstad', week: '2026-W50', has_roster: true, may_change: true,
    members: [
      { id: 6, name: 'Dr. Eva Smit, dermatoloog', on_duty: true, absent: false },
      { id: 7, name: 'Dr. Joost Mulder, dermatoloog', on_duty: false, absent: true },
      { id: 8, name: 'Dr. Sanne Dekker', on_duty: false, absent: false },
    ],
    ...fields,
  };
}

function answer(data: Roster) {
  vi.mocked(useRoster).mockImplementation((_, week) => ({
    data: week === null || week === data.week ? data : undefined, isPending: !(week === null || week === data.week), error: null,
  }) as never);
}

function renderPanel() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RosterPanel poolId={1} poolName="Dermatologie Maasstad" takeFocus />
    </QueryClientProvider>,
  );
}

const panel = () => screen.getByRole('region', { name: 'Rooster Dermatologie Maasstad' });

describe('RosterPanel', () => {
  beforeEach(async () => {
    answer(roster());
    vi.mocked(setRoster).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('shows the week in words and takes the focus', () => {
    renderPanel();
    expect(within(panel()).getByText('week 50, 7–13 december 2026')).toBeTruthy();
    expect(document.activeElement).toBe(within(panel()).getByRole('heading', { name: 'Rooster Dermatologie Maasstad' }));
    expect(vi.mocked(useRoster).mock.calls[0]).toEqual([1, null]);
  });

  it('asks for the previous and the next week', () => {
    renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Volgende week' }));
    expect(screen.getByText('week 51, 14–20 december 2026')).toBeTruthy();
    expect(vi.mocked(useRoster).mock.lastCall).toEqual([1, '2026-W51']);
    fireEvent.click(screen.getByRole('button', { name: 'Vorige week' }));
    fireEvent.click(screen.getByRole('button', { name: 'Vorige week' }));
    expect(vi.mocked(useRoster).mock.lastCall).toEqual([1, '2026-W49']);
    expect(screen.getByText('week 49, 30 november – 6 december 2026')).toBeTruthy();
  });

  it('lets a keeper tick who is on duty, marks the absent, and saves the ticked ids', async () => {
    vi.mocked(setRoster).mockResolvedValue(roster({ members: roster().members.map((m) => ({ ...m, on_duty: m.id === 8 })) }));
    renderPanel();
    expect(within(panel()).getByRole('rowheader', { name: 'Dr. Joost Mulder, dermatoloog afwezig' })).toBeTruthy();
    const smit = within(panel()).getByRole('checkbox', { name: 'Dienst Dr. Eva Smit, dermatoloog' }) as HTMLInputElement;
    expect(smit.checked).toBe(true);
    fireEvent.click(smit);
    fireEvent.click(within(panel()).getByRole('checkbox', { name: 'Dienst Dr. Sanne Dekker' }));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rooster opslaan' }));
    expect(await within(panel()).findByText('Het rooster van week 50 is opgeslagen.')).toBeTruthy();
    expect(setRoster).toHaveBeenCalledWith(1, '2026-W50', [8]);
  });

  it("says the server's refusal next to the button", async () => {
    vi.mocked(setRoster).mockRejectedValue(new ApiError(403, 'forbidden', 'Alleen de coördinatoren van de pool maken het rooster.'));
    renderPanel();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rooster opslaan' }));
    expect((await within(panel()).findByRole('alert')).textContent).toBe('Alleen de coördinatoren van de pool maken het rooster.');
  });

  it('shows a member who is on duty in words, without boxes', () => {
    answer(roster({ may_change: false }));
    renderPanel();
    expect(within(panel()).queryByRole('checkbox')).toBeNull();
    expect(within(panel()).queryByRole('button', { name: 'Rooster opslaan' })).toBeNull();
    const [, smit, mulder] = within(panel()).getAllByRole('row');
    expect(within(smit!).getByText('Dienst')).toBeTruthy();
    expect(within(mulder!).getByText('Geen dienst')).toBeTruthy();
    expect(within(mulder!).getByText('afwezig')).toBeTruthy();
  });

  it('says when the week has no roster', () => {
    answer(roster({ has_roster: false, members: roster().members.map((m) => ({ ...m, on_duty: false })) }));
    renderPanel();
    expect(within(panel()).getByText('Voor deze week is er geen rooster: nieuwe consultaties gaan naar alle leden.')).toBeTruthy();
  });
});
