// When a consult can be booked into a physical session, and the choice of the booking form as one
// value per radio button: a free slot ("slot:5") or the waiting list of a full session
// ("wait:1"). Pure functions: unit-tested.
import type { Consult } from '../consults/api';
import type { BookingRequest, ClinicSessionDetail, ClinicSlot } from './api';

/** Statuses in which a physical consult is finished or not yet sent: nothing to book. */
const kNotBookable = new Set<Consult['status']>(['draft', 'closed', 'cancelled', 'declined']);

/**
 * Whether the patient of `consult` may come to a physical session, as the server decides it: a
 * physical consult that is under way, or one whose latest advice is to see the patient there
 * (also once booked, so that the booking can move, until the specialist advises again).
 */
export function isBookable(consult: Consult): boolean {
  if (kNotBookable.has(consult.status)) return false;
  return consult.mode === 'physical' || consult.advice?.recommendation === 'physical_session';
}

/** Whether the viewer books for the consult's practice (its GP or assistant); the server checks it too. */
export function booksFor(consult: Consult): boolean {
  return consult.viewer_role === 'gp' || consult.viewer_role === 'assistant';
}

export type BookingChoice = `slot:${number}` | `wait:${number}`;

export function slotChoice(slot: ClinicSlot): BookingChoice {
  return `slot:${slot.id}`;
}

export function waitingChoice(session: ClinicSessionDetail): BookingChoice {
  return `wait:${session.id}`;
}

/** The request for a choice; null for anything that is not one. */
export function bookingRequest(choice: string): BookingRequest | null {
  const match = /^(slot|wait):([1-9]\d*)$/.exec(choice);
  if (!match) return null;
  const id = Number(match[2]);
  return match[1] === 'slot' ? { slot_id: id } : { waiting_session_id: id };
}

/** The slots of a session nobody has booked yet, in their order. */
export function freeSlots(session: ClinicSessionDetail): ClinicSlot[] {
  return session.slots.filter((slot) => !slot.booked);
}

