// The booking panel beside a consult: nothing for a digital consult; for a physical one its GP
// chooses a slot among the next sessions (one group per session, only its free slots, or its
// waiting list when full) and books it; a choice is needed first; when someone else took the slot
// (409) the server's sentence is said and the sessions are asked again. A booking shows where and
// when (or the place on the waiting list), and is cancelled after a confirmation; the specialist
// reads it without the buttons.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { bookConsult, unbookConsult, useBookingOptions, type Booking } from '../../clinic/api';
import { kFullSession, kLocation, kOpenSession } from '../../clinic/clinicFixture';
import { allowDialogsInJsdom } from '../../components/dialogTesting';
import i18n from '../../i18n/i18n';
import type { Consult } from '../api';
import { consultFixture } from '../consultFixture';
import { BookingPanel } from './BookingPanel';

vi.mock('../../clinic/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../clinic/api')>()),
  useBookingOptions: vi.fn(),
  bookConsult: vi.fn(),
  unbookConsult: vi.fn(),
}));

const refetch = vi.fn();
const kPhysical = consultFixture({ mode: 'physical', status: 'sent', viewer_role: 'gp' });
const kBooking: Booking = {
  session_id: 2, slot_id: 7, day: '2026-12-22', starts_at: '2026-12-22T12:40:00Z', ends_at: '2026-12-22T13:00:00Z',
  location: kLocation, specialist_name: 'Dr. Eva Smit, dermatoloog', attendance: 'expected', waiting_position: 0,
};

function renderPanel(consult: Consult) {
  return render(<QueryClientProvider client={new QueryClient()}><BookingPanel consult={consult} /></QueryClientProvider>);
}

const panel = () => screen.getByRole('region', { name: 'Meekijkspreekuur' });
const value = (term: string) => within(panel()).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('BookingPanel', () => {
  beforeEach(async () => {
    allowDialogsInJsdom();
    refetch.mockReset();
    vi.mocked(useBookingOptions).mockReturnValue({
      data: { items: [kFullSession, kOpenSession] }, isPending: false, isSuccess: true, error: null, refetch,
    } as never);
    vi.mocked(bookConsult).mockReset();
    vi.mocked(unbookConsult).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('shows nothing for a digital consult without a booking', () => {
    const { container } = renderPanel(consultFixture({ mode: 'digital', status: 'sent' }));
    expect(container.textContent).toBe('');
  });

  it('offers the free slots per session, and the waiting list of a full one', () => {
    renderPanel(kPhysical);
    expect(within(panel()).getByText('De patiënt heeft nog geen tijdslot op het meekijkspreekuur.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tijdslot kiezen' }));
    expect(useBookingOptions).toHaveBeenCalledWith(7, true);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Tijdslot kiezen' }));
    const full = screen.getByRole('group', { name: 'dinsdag 8 december 2026, 13:00–14:20' });
    expect(within(full).getAllByRole('radio').map((r) => r.closest('.utrecht-form-field')?.textContent)).toEqual(['Op de wachtlijst (nu 1 wachtend)']);
    expect(full.getAttribute('aria-describedby')).toBeTruthy();
    const open = screen.getByRole('group', { name: 'dinsdag 22 december 2026, 13:00–14:20' });
    expect(within(open).getAllByRole('radio').map((r) => r.closest('.utrecht-form-field')?.textContent)).toEqual(['13:00–13:20', '13:40–14:00', '14:00–14:20']);
    // One choice over all sessions.
    const names = new Set(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).name));
    expect(names.size).toBe(1);
  });

  it('asks for a choice before booking', () => {
    renderPanel(kPhysical);
    fireEvent.click(screen.getByRole('button', { name: 'Tijdslot kiezen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Boeken' }));
    expect(screen.getByText('Kies een tijdslot of een wachtlijst.')).toBeTruthy();
    expect(bookConsult).not.toHaveBeenCalled();
  });

  it('books the chosen slot and says when', async () => {
    vi.mocked(bookConsult).mockResolvedValue(kBooking);
    renderPanel(kPhysical);
    fireEvent.click(screen.getByRole('button', { name: 'Tijdslot kiezen' }));
    fireEvent.click(within(screen.getByRole('group', { name: /^dinsdag 22 december/ })).getByLabelText('13:40–14:00'));
    fireEvent.click(screen.getByRole('button', { name: 'Boeken' }));
    expect(await screen.findByText('Geboekt: dinsdag 22 december 2026, 13:40–14:00.')).toBeTruthy();
    expect(bookConsult).toHaveBeenCalledWith(7, { slot_id: 7 });
    expect(screen.queryByRole('button', { name: 'Boeken' })).toBeNull();
  });

  it('puts a full session on the waiting list', async () => {
    vi.mocked(bookConsult).mockResolvedValue({ ...kBooking, session_id: 1, slot_id: null, day: '2026-12-08', waiting_position: 2 });
    renderPanel(kPhysical);
    fireEvent.click(screen.getByRole('button', { name: 'Tijdslot kiezen' }));
    fireEvent.click(screen.getByLabelText('Op de wachtlijst (nu 1 wachtend)'));
    fireEvent.click(screen.getByRole('button', { name: 'Boeken' }));
    expect(await screen.findByText('Op de wachtlijst van dinsdag 8 december 2026, plaats 2.')).toBeTruthy();
    expect(bookConsult).toHaveBeenCalledWith(7, { waiting_session_id: 1 });
  });

  it('says so when someone else took the slot first, and asks for the sessions again', async () => {
    vi.mocked(bookConsult).mockRejectedValue(new ApiError(409, 'conflict', 'Dit tijdslot is net door een ander geboekt; kies een ander tijdslot of de wachtlijst.'));
    renderPanel(kPhysical);
    fireEvent.click(screen.getByRole('button', { name: 'Tijdslot kiezen' }));
    const slot = screen.getByLabelText('13:00–13:20') as HTMLInputElement;
    fireEvent.click(slot);
    fireEvent.click(screen.getByRole('button', { name: 'Boeken' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Dit tijdslot is net door een ander geboekt; kies een ander tijdslot of de wachtlijst.');
    expect(refetch).toHaveBeenCalled();
    expect(slot.checked).toBe(false);
  });

  it('shows the booking and cancels it after the confirmation', async () => {
    vi.mocked(unbookConsult).mockResolvedValue(undefined as never);
    renderPanel({ ...kPhysical, status: 'claimed', booking: kBooking });
    expect(value('Datum')).toBe('dinsdag 22 december 2026');
    expect(value('Tijd')).toBe('13:40–14:00');
    expect(value('Locatie')).toBe(kLocation);
    expect(value('Specialist')).toBe('Dr. Eva Smit, dermatoloog');
    expect(screen.getByRole('button', { name: 'Ander tijdslot kiezen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Boeking annuleren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Boeking annuleren' });
    expect(unbookConsult).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Boeking annuleren' }));
    await waitFor(() => expect(unbookConsult).toHaveBeenCalledWith(7));
    expect(await screen.findByText('De boeking is geannuleerd.')).toBeTruthy();
  });

  it('says the place on the waiting list', () => {
    renderPanel({ ...kPhysical, booking: { ...kBooking, slot_id: null, waiting_position: 2, starts_at: '2026-12-22T12:00:00Z', ends_at: '2026-12-22T13:20:00Z' } });
    expect(value('Tijd')).toBe('op de wachtlijst, plaats 2 (spreekuur 13:00–14:20)');
  });

  it('shows the specialist the booking without the buttons', () => {
    renderPanel({ ...kPhysical, status: 'claimed', viewer_role: 'specialist', booking: kBooking });
    expect(value('Tijd')).toBe('13:40–14:00');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lets the GP book after the advice to see the patient on the session', () => {
    const advised = consultFixture({
      mode: 'digital', status: 'answered', viewer_role: 'gp',
      advice: {
        recommendation: 'physical_session', body: 'Graag zien.', specialist_id: 6, given_at: '2026-12-07T10:00:00Z',
        at: '2026-12-07T10:00:00Z', first_at: '2026-12-07T10:00:00Z',
      },
    });
    renderPanel(advised);
    expect(screen.getByRole('button', { name: 'Tijdslot kiezen' })).toBeTruthy();
  });
});
