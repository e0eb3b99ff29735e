// A consult can be booked while a physical one is under way, or once answered with the advice to
// see the patient on the session; a choice is a slot or a session's waiting list, and nothing else.
import { describe, expect, it } from 'vitest';
import { consultFixture } from '../consults/consultFixture';
import type { Consult } from '../consults/api';
import { booksFor, bookingRequest, freeSlots, isBookable, slotChoice, waitingChoice } from './booking';
import { kFullSession, kOpenSession } from './clinicFixture';

const kAdvice = (recommendation: NonNullable<Consult['advice']>['recommendation']): Consult['advice'] => ({
  recommendation, body: 'Graag zien.', specialist_id: 6, given_at: '2026-12-07T10:00:00Z',
  at: '2026-12-07T10:00:00Z', first_at: '2026-12-07T10:00:00Z',
});

describe('isBookable', () => {
  it.each([
    ['physical', 'sent', null, true],
    ['physical', 'claimed', null, true],
    ['physical', 'info_requested', null, true],
    ['physical', 'answered', null, true],
    ['physical', 'draft', null, false],
    ['physical', 'closed', null, false],
    ['physical', 'cancelled', null, false],
    ['physical', 'declined', null, false],
    ['digital', 'sent', null, false],
    ['digital', 'answered', 'primary_care', false],
    ['digital', 'answered', 'physical_session', true],
    // Booked: the session's specialist holds it, and the booking can still move.
    ['digital', 'claimed', 'physical_session', true],
    ['digital', 'closed', 'physical_session', false],
  ] as const)('a %s consult that is %s (advice %s): %s', (mode, status, recommendation, bookable) => {
    const consult = consultFixture({ mode, status, advice: recommendation ? kAdvice(recommendation) : null });
    expect(isBookable(consult)).toBe(bookable);
  });

  it('is for the GP and the assistant of the practice to book', () => {
    expect(booksFor(consultFixture({ viewer_role: 'gp' }))).toBe(true);
    expect(booksFor(consultFixture({ viewer_role: 'assistant' }))).toBe(true);
    expect(booksFor(consultFixture({ viewer_role: 'specialist' }))).toBe(false);
  });
});

describe('booking choices', () => {
  it('offers the free slots of a session in their order', () => {
    expect(freeSlots(kOpenSession).map((s) => s.id)).toEqual([5, 7, 8]);
    expect(freeSlots(kFullSession)).toEqual([]);
  });

  it('turns a choice into its request', () => {
    expect(bookingRequest(slotChoice(kOpenSession.slots[2]!))).toEqual({ slot_id: 7 });
    expect(bookingRequest(waitingChoice(kFullSession))).toEqual({ waiting_session_id: 1 });
  });

  it.each(['', 'slot:', 'slot:0', 'wait:x', 'other:4'])('refuses %j as a choice', (choice) => {
    expect(bookingRequest(choice)).toBeNull();
  });
});
