// The physical meekijkconsult on the server: sessions ("meekijkspreekuren") of a specialist at a
// GP practice with their time slots and waiting list, booking a consult into one, the specialist's
// day list and attendance, and each person's secret calendar address. Types from the OpenAPI
// contract. Session queries start with 'clinic-sessions', so the change poller refreshes them with
// one invalidation; the day list has a key of its own, since every read of it is access-logged and
// a poll must not read it again for nobody.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type ClinicSession = components['schemas']['ClinicSession'];
export type ClinicSessionDetail = components['schemas']['ClinicSessionDetail'];
export type ClinicSlot = components['schemas']['ClinicSlot'];
export type WaitingEntry = ClinicSessionDetail['waiting_list'][number];
export type NewClinicSession = components['schemas']['NewClinicSession'];
export type PlannedClinicSessions = components['schemas']['PlannedClinicSessions'];
export type ClinicSessionChange = components['schemas']['ClinicSessionChange'];
export type DayList = components['schemas']['DayList'];
export type DayListPatient = DayList['patients'][number];
export type Attendance = ClinicSlot['attendance'];
export type Booking = components['schemas']['Booking'];
export type BookingRequest = components['schemas']['BookingRequest'];
export type CalendarFeed = components['schemas']['CalendarFeed'];

export const clinicKeys = {
  sessions: ['clinic-sessions'] as const,
  list: (from: string, to: string) => ['clinic-sessions', 'list', from, to] as const,
  one: (id: number) => ['clinic-sessions', 'one', id] as const,
  dayList: (id: number) => ['clinic-day-list', id] as const,
  bookingOptions: (consultId: number) => ['booking-options', consultId] as const,
  calendarFeed: ['calendar-feed'] as const,
};

/** The sessions the caller sees from `from` to `to` (YYYY-MM-DD, at most a year apart), soonest first. */
export function useClinicSessions(from: string, to: string) {
  return useQuery({
    queryKey: clinicKeys.list(from, to),
    queryFn: () => call(api.GET('/api/v1/clinic-sessions', { params: { query: { from, to } } })),
  });
}

/** One session with its slots and waiting list; 404 for one the caller may not see. */
export function useClinicSession(id: number) {
  return useQuery({
    queryKey: clinicKeys.one(id),
    queryFn: () => call(api.GET('/api/v1/clinic-sessions/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The patients booked into session `id`, for its specialist only (403 for anyone else). */
export function useDayList(id: number) {
  return useQuery({
    queryKey: clinicKeys.dayList(id),
    queryFn: () => call(api.GET('/api/v1/clinic-sessions/{id}/day-list', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
    // Each read is in the access log: read it when the page opens, not again behind its back.
    staleTime: Infinity,
  });
}

/** Plans one session or a series (coordinators); the days skipped as holidays come back with them. */
export function planSessions(body: NewClinicSession) {
  return call(api.POST('/api/v1/clinic-sessions', { body }));
}

/** Moves session `id`, made to `version`: 409 when someone else changed it first. */
export function moveSession(id: number, body: ClinicSessionChange) {
  return call(api.PATCH('/api/v1/clinic-sessions/{id}', { params: { path: { id } }, body }));
}

/** Cancels session `id`: its bookings and waiting list are released and the GPs told. */
export function cancelSession(id: number) {
  return call(api.POST('/api/v1/clinic-sessions/{id}/cancel', { params: { path: { id } } }));
}

/** Records whether the patient of slot `id` came; 409 before the session's day. */
export function recordAttendance(slotId: number, attendance: Exclude<Attendance, 'expected'>) {
  return call(api.PUT('/api/v1/clinic-slots/{id}/attendance', { params: { path: { id: slotId } }, body: { attendance } }));
}

/** The next sessions consult `consultId` can be booked into; 409 when it cannot be booked. */
export function useBookingOptions(consultId: number, enabled: boolean) {
  return useQuery({
    queryKey: clinicKeys.bookingOptions(consultId),
    queryFn: () => call(api.GET('/api/v1/consults/{id}/booking-options', { params: { path: { id: consultId } } })),
    enabled,
    staleTime: 0,
  });
}

/** Books the consult into a slot or onto a session's waiting list; 409 when someone else took the slot first. */
export function bookConsult(consultId: number, body: BookingRequest) {
  return call(api.PUT('/api/v1/consults/{id}/booking', { params: { path: { id: consultId } }, body }));
}

/** Cancels the consult's booking; the first on the waiting list takes the slot. */
export function unbookConsult(consultId: number) {
  return call(api.DELETE('/api/v1/consults/{id}/booking', { params: { path: { id: consultId } } }));
}

export function useCalendarFeed() {
  return useQuery({ queryKey: clinicKeys.calendarFeed, queryFn: () => call(api.GET('/api/v1/me/calendar-feed')) });
}

/** A new secret address (the old one stops working); its path comes only in this answer. */
export function renewCalendarFeed() {
  return call(api.POST('/api/v1/me/calendar-feed'));
}

export function revokeCalendarFeed() {
  return call(api.DELETE('/api/v1/me/calendar-feed'));
}
