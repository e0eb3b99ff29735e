// Booking consults into clinic sessions, recording attendance, and the specialist's day list.
#include <algorithm>

#include "domain/calendar.h"
#include "service/clinic_service.h"
#include "service/clinic_views.h"
#include "service/consult_frame.h"
#include "service/notifier.h"
#include "store/agreements.h"
#include "store/attachments.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/templates.h"

namespace meekijk::service {
namespace {

using domain::ClinicSession;
using domain::Consult;
using domain::ConsultStatus;
using domain::Role;

Result<void> RequirePracticeSide(Role role) {
  if (role == Role::kGp || role == Role::kAssistant) return Ok();
  return MakeError(ErrorCode::kForbidden,
                   "Alleen de huisartsenpraktijk boekt haar patiënten op een spreekuur.",
                   "Only the GP practice books its patients into a session.");
}

// The session is one the consult may go to: of its pool, for its practice, planned, not past.
Result<void> CheckSessionFits(const ClinicSession& session, const Consult& consult,
                              const std::string& today, const char* field) {
  bool serves = std::find(session.practice_ids.begin(), session.practice_ids.end(),
                          consult.practice_id) != session.practice_ids.end();
  if (!serves || !consult.pool_id || session.pool_id != *consult.pool_id) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Dit spreekuur is niet voor deze consultatie: kies een spreekuur van haar "
                     "pool voor uw praktijk.",
                     "This session is not for this consult: choose a session of its pool for "
                     "your practice.",
                     field);
  }
  if (session.status != domain::SessionStatus::kPlanned || session.day < today) {
    return MakeError(ErrorCode::kConflict, "Dit spreekuur is vervallen of al geweest.",
                     "This session is cancelled or already past.");
  }
  return Ok();
}

// From the booking on, the session's specialist holds the consult: a sent one is taken, and a
// digital one advised to come is asked again (the thread goes on).
void HandToSessionSpecialist(Consult& consult, const ClinicSession& session, TimePoint now) {
  consult.specialist_id = session.specialist_id;
  bool advised_to_come = consult.content.mode == domain::ConsultMode::kDigital &&
                         consult.status == ConsultStatus::kAnswered;
  if (consult.status == ConsultStatus::kSent || advised_to_come) {
    consult.status = ConsultStatus::kClaimed;
  }
  consult.updated_at = now;
}

// The session and slot an attendance is about, for the specialist who holds the session.
struct HeldSlot {
  ClinicSession session;
  domain::ClinicSlot slot;
};

}  // namespace

Result<std::vector<ClinicSessionView>> ClinicService::BookingOptions(const Principal& principal,
                                                                     int64_t consult_id) {
  std::string today = domain::AmsterdamIsoDate(clock_.Now());
  return OnConsult<std::vector<ClinicSessionView>>(
      database_, access_log_, principal, consult_id, "consult.booking_options",
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<std::vector<ClinicSessionView>> {
        MK_RETURN_IF_ERROR(RequirePracticeSide(role));
        MK_RETURN_IF_ERROR(domain::MayBeBooked(consult));
        std::vector<ClinicSessionView> views;
        if (!consult.pool_id) return views;
        MK_ASSIGN_OR_RETURN(ClinicContext context, ClinicContext::Load(tx, principal));
        MK_ASSIGN_OR_RETURN(std::vector<ClinicSession> sessions,
                            tx.clinic().UpcomingFor(*consult.pool_id, consult.practice_id, today,
                                                    kBookingOptions));
        for (const ClinicSession& session : sessions) {
          MK_ASSIGN_OR_RETURN(ClinicSessionView view, ViewSession(tx, context, session, true));
          views.push_back(std::move(view));
        }
        return views;
      });
}

Result<Booking> ClinicService::Book(const Principal& principal, int64_t consult_id,
                                    const BookingRequest& request) {
  TimePoint now = clock_.Now();
  std::string today = domain::AmsterdamIsoDate(now);
  return OnConsult<Booking>(
      database_, access_log_, principal, consult_id, "consult.book",
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<Booking> {
        MK_RETURN_IF_ERROR(RequirePracticeSide(role));
        if (request.slot_id.has_value() == request.waiting_session_id.has_value()) {
          return MakeError(ErrorCode::kInvalidArgument,
                           "Kies een tijdslot, of de wachtlijst van een spreekuur.",
                           "Choose a slot, or the waiting list of a session.", "slot_id");
        }
        MK_RETURN_IF_ERROR(domain::MayBeBooked(consult));
        std::optional<domain::ClinicSlot> slot;
        int64_t session_id = request.waiting_session_id.value_or(0);
        if (request.slot_id) {
          MK_ASSIGN_OR_RETURN(slot, tx.clinic().FindSlot(*request.slot_id));
          if (!slot) {
            return MakeError(ErrorCode::kInvalidArgument, "Dit tijdslot bestaat niet.",
                             "This slot does not exist.", "slot_id");
          }
          session_id = slot->session_id;
        }
        MK_ASSIGN_OR_RETURN(std::optional<ClinicSession> session,
                            tx.clinic().FindSession(session_id));
        if (!session) {
          return MakeError(ErrorCode::kInvalidArgument, "Dit spreekuur bestaat niet.",
                           "This session does not exist.",
                           request.slot_id ? "slot_id" : "waiting_session_id");
        }
        MK_RETURN_IF_ERROR(CheckSessionFits(*session, consult, today,
                                            request.slot_id ? "slot_id" : "waiting_session_id"));
        // The same slot, or the waiting list the consult is already on: nothing changes, and the
        // patient keeps their place in line.
        MK_ASSIGN_OR_RETURN(std::optional<domain::WaitingEntry> waiting,
                            tx.clinic().WaitingOfConsult(consult.id));
        if ((slot && slot->consult_id == consult.id) ||
            (!slot && waiting && waiting->session_id == session->id)) {
          MK_ASSIGN_OR_RETURN(std::optional<Booking> same, BookingOf(tx, consult.id));
          return *same;
        }
        MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSlot> current,
                            tx.clinic().SlotOfConsult(consult.id));
        if (current && current->attendance != domain::Attendance::kExpected) {
          return MakeError(ErrorCode::kConflict,
                           "De patiënt is op het spreekuur al gezien of niet gekomen; die boeking "
                           "blijft staan.",
                           "The patient was already seen in a session or did not come; that "
                           "booking stays.");
        }
        // A consult is booked once: a new booking moves it (the old slot goes to the next in line).
        MK_RETURN_IF_ERROR(ReleaseBooking(tx, consult.id, principal.user.id, now));
        if (slot) {
          MK_ASSIGN_OR_RETURN(bool booked, tx.clinic().BookSlot(slot->id, consult.id, now));
          if (!booked) {
            return MakeError(ErrorCode::kConflict,
                             "Dit tijdslot is net door een ander geboekt; kies een ander tijdslot "
                             "of de wachtlijst.",
                             "This slot was just booked by someone else; choose another slot or "
                             "the waiting list.");
          }
        } else {
          MK_RETURN_IF_ERROR(tx.clinic().AddWaiting({session->id, consult.id, now}));
        }
        HandToSessionSpecialist(consult, *session, now);
        MK_RETURN_IF_ERROR(tx.consults().Update(consult));
        ++consult.version;
        MK_RETURN_IF_ERROR(NotifyConsultEvent(tx, consult, domain::EventKind::kBooked,
                                              principal.user.id, now));
        MK_ASSIGN_OR_RETURN(std::optional<Booking> booking, BookingOf(tx, consult.id));
        return *booking;
      });
}

Result<void> ClinicService::Unbook(const Principal& principal, int64_t consult_id) {
  TimePoint now = clock_.Now();
  Result<std::monostate> done = OnConsult<std::monostate>(
      database_, access_log_, principal, consult_id, "consult.unbook",
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<std::monostate> {
        MK_RETURN_IF_ERROR(RequirePracticeSide(role));
        MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSlot> slot,
                            tx.clinic().SlotOfConsult(consult.id));
        MK_ASSIGN_OR_RETURN(std::optional<domain::WaitingEntry> waiting,
                            tx.clinic().WaitingOfConsult(consult.id));
        if (!slot && !waiting) {
          return MakeError(ErrorCode::kConflict, "Deze consultatie is nergens geboekt.",
                           "This consult is not booked anywhere.");
        }
        if (slot && slot->attendance != domain::Attendance::kExpected) {
          return MakeError(ErrorCode::kConflict,
                           "De patiënt is al gezien of niet gekomen; de boeking blijft staan.",
                           "The patient was already seen or did not come; the booking stays.");
        }
        MK_RETURN_IF_ERROR(ReleaseBooking(tx, consult.id, principal.user.id, now));
        return std::monostate{};
      });
  if (!done.ok()) return done.error();
  return Ok();
}

Result<SlotView> ClinicService::RecordAttendance(const Principal& principal, int64_t slot_id,
                                                 domain::Attendance attendance) {
  std::string today = domain::AmsterdamIsoDate(clock_.Now());
  // Find the slot's consult first: the access log is kept on the consult.
  Result<HeldSlot> held = store::Transact<HeldSlot>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<HeldSlot> {
        MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSlot> slot, tx.clinic().FindSlot(slot_id));
        if (!slot) return SessionNotFound();
        MK_ASSIGN_OR_RETURN(ClinicContext context, ClinicContext::Load(tx, principal));
        MK_ASSIGN_OR_RETURN(SeenSession seen, FindSeenSession(tx, context, slot->session_id));
        if (!seen.relation.holds) {
          return MakeError(ErrorCode::kForbidden,
                           "Alleen de specialist van dit spreekuur legt vast wie er kwam.",
                           "Only the session's specialist records who came.");
        }
        return HeldSlot{std::move(seen.session), *slot};
      });
  if (!held.ok()) return held.error();
  if (!held->slot.consult_id) {
    return MakeError(ErrorCode::kConflict, "Op dit tijdslot is niemand geboekt.",
                     "Nobody is booked into this slot.");
  }
  if (held->session.day > today) {
    return MakeError(ErrorCode::kConflict,
                     "Wie er kwam, legt u vast op of na de dag van het spreekuur.",
                     "Record who came on or after the day of the session.");
  }
  return OnConsult<SlotView>(
      database_, access_log_, principal, *held->slot.consult_id, "consult.attendance",
      [&](store::Tx& tx, Consult&, Role) -> Result<SlotView> {
        MK_RETURN_IF_ERROR(tx.clinic().SetAttendance(slot_id, attendance));
        MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSlot> slot, tx.clinic().FindSlot(slot_id));
        if (!slot || slot->consult_id != held->slot.consult_id) {
          return MakeError(ErrorCode::kConflict, "De boeking is intussen gewijzigd.",
                           "The booking has changed meanwhile.");
        }
        const ClinicSession& session = held->session;
        return SlotView{*slot, domain::SlotStart(session, slot->position),
                        domain::SlotEnd(session, slot->position), true, "", "", slot->consult_id};
      });
}

Result<DayList> ClinicService::Day(const Principal& principal, int64_t session_id) {
  Result<DayList> day = store::Transact<DayList>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<DayList> {
        MK_ASSIGN_OR_RETURN(ClinicContext context, ClinicContext::Load(tx, principal));
        MK_ASSIGN_OR_RETURN(SeenSession seen, FindSeenSession(tx, context, session_id));
        if (!seen.relation.holds) {
          return MakeError(ErrorCode::kForbidden,
                           "Alleen de specialist van dit spreekuur ziet de daglijst.",
                           "Only the session's specialist sees the day list.");
        }
        DayList list;
        MK_ASSIGN_OR_RETURN(list.session, ViewSession(tx, context, seen.session, true));
        for (const SlotView& slot : list.session.slots) {
          if (!slot.slot.consult_id) continue;
          MK_ASSIGN_OR_RETURN(std::optional<Consult> consult,
                              tx.consults().Find(*slot.slot.consult_id));
          if (!consult) continue;
          // Who the patient is, only for the specialist who holds the consult.
          if (consult->specialist_id != principal.user.id) {
            consult->content.patient.name.reset();
            consult->content.patient.birth_date.reset();
            consult->content.patient.bsn.reset();
          }
          DayListEntry entry{slot, *consult, context.NameOf(consult->practice_id), {}, {}};
          MK_ASSIGN_OR_RETURN(entry.attachments, tx.attachments().OfConsult(consult->id));
          if (consult->template_ref) {
            MK_ASSIGN_OR_RETURN(entry.question_template,
                                tx.templates().FindVersion(consult->template_ref->id,
                                                           consult->template_ref->version));
          }
          MK_RETURN_IF_ERROR(access_log_.Record(tx, principal, Role::kSpecialist,
                                                "clinic_session.day_list", *consult));
          list.patients.push_back(std::move(entry));
        }
        return list;
      });
  return day;
}

}  // namespace meekijk::service
