// The demo's dermatology sessions as the server returns them, for the unit tests of the clinic
// screens and the booking panel: Dr. Eva Smit at Kralingen for the practices of Kralingen and
// Zuidplein, four slots of twenty minutes from 13:00 (12:00 UTC in winter). The first session is
// full with one consult waiting; the second has slot 2 booked. Not part of the app; only tests
// import it.
import type { ClinicSession, ClinicSessionDetail, ClinicSlot, DayList } from './api';

export const kLocation = 'Huisartsenpraktijk Kralingen, Oudedijk 120, spreekkamer 3';

function slotsOf(firstId: number, day: string, booked: readonly (Partial<ClinicSlot> | null)[]): ClinicSlot[] {
  return booked.map((slot, position) => {
    const start = new Date(`${day}T12:00:00Z`).getTime() + position * 20 * 60_000;
    return {
      id: firstId + position, position, starts_at: new Date(start).toISOString(), ends_at: new Date(start + 20 * 60_000).toISOString(),
      booked: slot !== null, consult_number: '', practice_name: '', consult_id: null, attendance: 'expected', ...slot,
    };
  });
}

function sessionOn(id: number, day: string, slots: ClinicSlot[], fields: Partial<ClinicSessionDetail> = {}): ClinicSessionDetail {
  const booked = slots.filter((s) => s.booked).length;
  return {
    id, agreement_id: 1, pool: { id: 1, name: 'Dermatologie Maasstad' }, specialty: 'dermatologie',
    specialist: { id: 6, name: 'Dr. Eva Smit, dermatoloog' },
    practices: [{ id: 3, name: 'Huisartsenpraktijk Kralingen' }, { id: 4, name: 'Gezondheidscentrum Zuidplein' }],
    location: kLocation, day, starts_at: `${day}T12:00:00.000Z`, ends_at: `${day}T13:20:00.000Z`, start_time: '13:00',
    end_time: '14:20', slot_minutes: 20, slot_count: slots.length, status: 'planned', series_id: 1, booked, waiting: 0,
    fill_rate: booked / slots.length, may_change: false, may_book: true, holds: false, version: 1, slots, waiting_list: [],
    ...fields,
  };
}

/** The full first session, as its practice's GP sees it: the own practice's consults by number and link. */
export const kFullSession = sessionOn(1, '2026-12-08', slotsOf(1, '2026-12-08', [
  { consult_number: 'MK-2026-00010', practice_name: 'Huisartsenpraktijk Kralingen', consult_id: 10 },
  {},
  { consult_number: 'MK-2026-00012', practice_name: 'Huisartsenpraktijk Kralingen', consult_id: 12 },
  {},
]), {
  waiting: 1,
  waiting_list: [{ consult_number: 'MK-2026-00014', practice_name: 'Huisartsenpraktijk Kralingen', consult_id: 14, added_at: '2026-12-07T06:09:06Z' }],
});

/** The second session: slot 2 booked by Zuidplein, three free. */
export const kOpenSession = sessionOn(2, '2026-12-22', slotsOf(5, '2026-12-22', [
  null, { consult_number: 'MK-2026-00015', practice_name: 'Gezondheidscentrum Zuidplein', consult_id: 15 }, null, null,
]));

/** The list item of a session: the detail without its slots and waiting list. */
export function summaryOf(session: ClinicSessionDetail): ClinicSession {
  const { slots: _slots, waiting_list: _waiting, ...summary } = session;
  return summary;
}

/** The day list of the second session for its specialist. */
export const kDayList: DayList = {
  session: summaryOf({ ...kOpenSession, holds: true, may_book: false }),
  patients: [{
    slot: kOpenSession.slots[1]!, consult_id: 15, consult_number: 'MK-2026-00015', status: 'claimed',
    practice_name: 'Gezondheidscentrum Zuidplein',
    patient: { birth_year: 1984, sex: 'male', name: null, birth_date: null, bsn: null },
    icpc: 'S82', question: 'Meerdere atypische moedervlekken op de rug; graag samen beoordelen.',
    clinical_summary: 'Man, 42 jaar. Familieanamnese melanoom (vader).',
    attachments: [{ id: 31, filename: 'rug.jpg', content_type: 'image/jpeg', size: 120_000, uploaded_by: 1, uploaded_at: '2026-12-07T06:09:06Z' }],
  }],
};
