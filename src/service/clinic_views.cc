// Views of clinic sessions, and the caller's relation to them.
#include "service/clinic_views.h"

#include <algorithm>

#include "domain/calendar.h"

#include "service/notifier.h"
#include "store/agreements.h"
#include "store/consults.h"
#include "store/directory.h"

namespace meekijk::service {

using domain::Role;

Result<ClinicContext> ClinicContext::Load(store::Tx& tx, const Principal& principal) {
  std::map<int64_t, domain::Organisation> organisations;
  MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> all, tx.directory().ListOrganisations());
  for (domain::Organisation& o : all) organisations.emplace(o.id, std::move(o));
  bool coordinates = principal.HasRole(Role::kCoordinator) || principal.HasRole(Role::kAdmin);
  CoordinatorReach reach =
      coordinates ? CoordinatorReach::Of(principal, organisations) : CoordinatorReach();
  return ClinicContext{principal, std::move(organisations), std::move(reach)};
}

std::string ClinicContext::NameOf(int64_t organisation_id) const {
  auto it = organisations.find(organisation_id);
  return it == organisations.end() ? "" : it->second.name;
}

std::vector<int64_t> ClinicContext::OwnPractices() const {
  std::vector<int64_t> practices = principal.OrganisationsWithRole(Role::kGp);
  for (int64_t id : principal.OrganisationsWithRole(Role::kAssistant)) practices.push_back(id);
  return practices;
}

SessionRelation ClinicContext::RelationTo(const domain::ClinicSession& session,
                                          int64_t pool_organisation) const {
  SessionRelation relation;
  bool coordinates = principal.HasRole(Role::kCoordinator) || principal.HasRole(Role::kAdmin);
  // Changing a session shared by several practices takes the pool's side or all of theirs, as
  // planning it did; a coordinator of one of them sees it.
  auto covered = [&](int64_t id) { return reach.Covers(id); };
  relation.keeps = coordinates && (reach.everything() || reach.Covers(pool_organisation) ||
                                   std::all_of(session.practice_ids.begin(),
                                               session.practice_ids.end(), covered));
  relation.coordinates_some =
      coordinates && std::any_of(session.practice_ids.begin(), session.practice_ids.end(), covered);
  relation.holds = session.specialist_id == principal.user.id;
  relation.member = principal.IsPoolMember(session.pool_id);
  std::vector<int64_t> own = OwnPractices();
  relation.books = std::any_of(own.begin(), own.end(), [&](int64_t id) {
    return std::find(session.practice_ids.begin(), session.practice_ids.end(), id) !=
           session.practice_ids.end();
  });
  return relation;
}

Error SessionNotFound() {
  return MakeError(ErrorCode::kNotFound, "Dit spreekuur bestaat niet (meer).",
                   "This session does not exist (any more).");
}

Result<SeenSession> FindSeenSession(store::Tx& tx, const ClinicContext& context,
                                    int64_t session_id) {
  MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSession> session,
                      tx.clinic().FindSession(session_id));
  if (!session) return SessionNotFound();
  MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.agreements().FindPool(session->pool_id));
  if (!pool) return SessionNotFound();
  SessionRelation relation = context.RelationTo(*session, pool->organisation_id);
  if (!relation.sees()) return SessionNotFound();
  return SeenSession{std::move(*session), std::move(*pool), relation};
}

Result<ClinicSessionView> ViewSession(store::Tx& tx, const ClinicContext& context,
                                      const domain::ClinicSession& session, bool detail) {
  MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.agreements().FindPool(session.pool_id));
  if (!pool) return SessionNotFound();
  SessionRelation relation = context.RelationTo(session, pool->organisation_id);
  ClinicSessionView view;
  view.session = session;
  view.specialty = pool->specialty;
  view.pool_name = pool->name;
  MK_ASSIGN_OR_RETURN(std::optional<domain::User> specialist,
                      tx.directory().FindUser(session.specialist_id));
  view.specialist = {session.specialist_id, specialist ? specialist->display_name : ""};
  for (int64_t id : session.practice_ids) view.practices.push_back({id, context.NameOf(id)});
  view.starts_at = domain::SlotStart(session, 0);
  view.ends_at = domain::SlotEnd(session, session.slot_count - 1);
  view.may_change = relation.keeps;
  view.may_book = relation.books;
  view.holds = relation.holds;

  MK_ASSIGN_OR_RETURN(std::vector<store::BookedSlot> booked, tx.clinic().BookedSlots({session.id}));
  MK_ASSIGN_OR_RETURN(std::vector<domain::WaitingEntry> waiting, tx.clinic().Waiting({session.id}));
  view.booked = static_cast<int>(booked.size());
  view.waiting = static_cast<int>(waiting.size());
  view.fill_rate = domain::FillRate(view.booked, session.slot_count);
  if (!detail) return view;

  std::vector<int64_t> own = context.OwnPractices();
  auto shown = [&](int64_t practice_id) {
    return relation.sees_consults() ||
           std::find(own.begin(), own.end(), practice_id) != own.end();
  };
  auto opens = [&](int64_t practice_id) {
    return relation.holds || std::find(own.begin(), own.end(), practice_id) != own.end();
  };
  MK_ASSIGN_OR_RETURN(std::vector<domain::ClinicSlot> slots, tx.clinic().Slots({session.id}));
  for (const domain::ClinicSlot& slot : slots) {
    SlotView slot_view{slot, domain::SlotStart(session, slot.position),
                       domain::SlotEnd(session, slot.position), slot.consult_id.has_value(),
                       "", "", std::nullopt};
    for (const store::BookedSlot& b : booked) {
      if (b.slot.id != slot.id || !shown(b.practice_id)) continue;
      slot_view.consult_number = b.consult_number;
      slot_view.practice_name = context.NameOf(b.practice_id);
      if (opens(b.practice_id)) slot_view.consult_id = slot.consult_id;
    }
    view.slots.push_back(std::move(slot_view));
  }
  for (const domain::WaitingEntry& entry : waiting) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Consult> consult,
                        tx.consults().Find(entry.consult_id));
    if (!consult || !shown(consult->practice_id)) continue;
    view.waiting_list.push_back(WaitingView{
        consult->number, context.NameOf(consult->practice_id),
        opens(consult->practice_id) ? std::optional<int64_t>(consult->id) : std::nullopt,
        entry.added_at});
  }
  return view;
}

Result<std::optional<Booking>> BookingOf(store::Tx& tx, int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSlot> slot,
                      tx.clinic().SlotOfConsult(consult_id));
  MK_ASSIGN_OR_RETURN(std::optional<domain::WaitingEntry> waiting,
                      tx.clinic().WaitingOfConsult(consult_id));
  if (!slot && !waiting) return std::optional<Booking>();
  int64_t session_id = slot ? slot->session_id : waiting->session_id;
  MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSession> session,
                      tx.clinic().FindSession(session_id));
  if (!session) return std::optional<Booking>();
  Booking booking;
  booking.session_id = session->id;
  booking.day = session->day;
  booking.location = session->location;
  MK_ASSIGN_OR_RETURN(std::optional<domain::User> specialist,
                      tx.directory().FindUser(session->specialist_id));
  if (specialist) booking.specialist_name = specialist->display_name;
  if (slot) {
    booking.slot_id = slot->id;
    booking.starts_at = domain::SlotStart(*session, slot->position);
    booking.ends_at = domain::SlotEnd(*session, slot->position);
    booking.attendance = slot->attendance;
    return std::optional<Booking>(std::move(booking));
  }
  booking.starts_at = domain::SlotStart(*session, 0);
  booking.ends_at = domain::SlotEnd(*session, session->slot_count - 1);
  MK_ASSIGN_OR_RETURN(std::vector<domain::WaitingEntry> line, tx.clinic().Waiting({session->id}));
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i].consult_id == consult_id) booking.waiting_position = static_cast<int>(i + 1);
  }
  return std::optional<Booking>(std::move(booking));
}

Result<void> TellBookedPractices(store::Tx& tx, const domain::ClinicSession& session,
                                 domain::EventKind kind, int64_t actor, TimePoint now) {
  MK_ASSIGN_OR_RETURN(std::vector<store::BookedSlot> booked, tx.clinic().BookedSlots({session.id}));
  MK_ASSIGN_OR_RETURN(std::vector<domain::WaitingEntry> waiting, tx.clinic().Waiting({session.id}));
  std::vector<int64_t> consult_ids;
  for (const store::BookedSlot& b : booked) consult_ids.push_back(*b.slot.consult_id);
  for (const domain::WaitingEntry& w : waiting) consult_ids.push_back(w.consult_id);
  for (int64_t id : consult_ids) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Consult> consult, tx.consults().Find(id));
    if (consult) {
      MK_RETURN_IF_ERROR(NotifyConsultEvent(tx, *consult, kind, actor, now));
    }
  }
  return Ok();
}

namespace {

// The first of the session's waiting list who may still come takes the freed slot, and is told;
// consults finished meanwhile leave the list. An entry another transaction removed first (it
// promoted that consult) is passed over; when the slot was taken meanwhile, the entry keeps its
// place.
Result<void> PromoteWaiting(store::Tx& tx, const domain::ClinicSlot& freed, int64_t actor,
                            TimePoint now) {
  MK_ASSIGN_OR_RETURN(std::vector<domain::WaitingEntry> line,
                      tx.clinic().Waiting({freed.session_id}));
  for (const domain::WaitingEntry& entry : line) {
    MK_ASSIGN_OR_RETURN(bool removed, tx.clinic().RemoveWaiting(entry.consult_id));
    if (!removed) continue;
    MK_ASSIGN_OR_RETURN(std::optional<domain::Consult> consult, tx.consults().Find(entry.consult_id));
    if (!consult || !domain::MayBeBooked(*consult).ok()) continue;
    MK_ASSIGN_OR_RETURN(bool booked, tx.clinic().BookSlot(freed.id, consult->id, now));
    if (!booked) return tx.clinic().AddWaiting(entry);
    return NotifyConsultEvent(tx, *consult, domain::EventKind::kBooked, actor, now);
  }
  return Ok();
}

}  // namespace

Result<void> ReleaseBooking(store::Tx& tx, int64_t consult_id, int64_t actor, TimePoint now) {
  MK_RETURN_IF_ERROR(tx.clinic().RemoveWaiting(consult_id));
  MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSlot> slot, tx.clinic().SlotOfConsult(consult_id));
  // A visit that took place (or was missed) stays on record.
  if (!slot || slot->attendance != domain::Attendance::kExpected) return Ok();
  MK_RETURN_IF_ERROR(tx.clinic().FreeSlotOf(consult_id));
  MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSession> session,
                      tx.clinic().FindSession(slot->session_id));
  // Only a slot still to come goes to the next in line.
  if (!session || session->status != domain::SessionStatus::kPlanned ||
      session->day < domain::AmsterdamIsoDate(now)) {
    return Ok();
  }
  return PromoteWaiting(tx, *slot, actor, now);
}

}  // namespace meekijk::service
