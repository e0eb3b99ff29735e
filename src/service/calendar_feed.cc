// Each person's calendar feed: their clinic sessions and their patients' bookings, at a secret
// URL a calendar program subscribes to. The secret is kept as a hash, like a login token, and a
// new one replaces the old. The feed carries consult numbers and practices, never a patient.
#include <chrono>
#include <map>
#include <set>

#include "auth/token.h"
#include "domain/calendar.h"
#include "domain/icalendar.h"
#include "service/clinic_service.h"
#include "service/clinic_views.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"

namespace meekijk::service {
namespace {

using domain::CalendarEvent;
using domain::ClinicSession;

constexpr auto kPastDays = std::chrono::days(30);
constexpr auto kFutureDays = std::chrono::days(400);

Error FeedNotFound() {
  return MakeError(ErrorCode::kNotFound, "Deze agenda bestaat niet (meer).",
                   "This calendar does not exist (any more).");
}

std::string Uid(const std::string& what, const std::string& host) {
  return "meekijk-" + what + "@" + host;
}

// The feed's events: the sessions the person holds in a pool they are still in, and the
// bookings of consults they sent or wrote for a practice where they still work, with the sessions
// those are in.
Result<std::vector<CalendarEvent>> EventsOf(store::Tx& tx, const domain::User& user,
                                            const std::string& host, TimePoint now) {
  std::chrono::sys_days today(domain::AmsterdamDate(now));
  std::string from = domain::IsoDay(std::chrono::year_month_day(today - kPastDays));
  std::string to = domain::IsoDay(std::chrono::year_month_day(today + kFutureDays));
  MK_ASSIGN_OR_RETURN(std::vector<domain::Pool> pools, tx.agreements().PoolsOfMember(user.id));
  MK_ASSIGN_OR_RETURN(std::vector<domain::Membership> memberships,
                      tx.directory().Memberships(user.id));
  std::set<int64_t> pool_ids, practice_ids;
  for (const domain::Pool& p : pools) pool_ids.insert(p.id);
  for (const domain::Membership& m : memberships) {
    if (m.role == domain::Role::kGp || m.role == domain::Role::kAssistant) {
      practice_ids.insert(m.organisation_id);
    }
  }
  MK_ASSIGN_OR_RETURN(std::vector<ClinicSession> sessions, tx.clinic().SessionsBetween(from, to));
  std::map<int64_t, ClinicSession> by_id;
  for (ClinicSession& s : sessions) by_id.emplace(s.id, std::move(s));
  MK_ASSIGN_OR_RETURN(std::vector<domain::Specialty> specialties, tx.agreements().Specialties());
  auto specialty_name = [&](int64_t pool_id) -> Result<std::string> {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.agreements().FindPool(pool_id));
    if (!pool) return std::string();
    for (const domain::Specialty& s : specialties) {
      if (s.code == pool->specialty) return s.name_nl;
    }
    return pool->specialty;
  };
  auto practice_name = [&](int64_t id) -> Result<std::string> {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Organisation> o, tx.directory().FindOrganisation(id));
    return o ? o->name : std::string();
  };

  std::vector<CalendarEvent> events;
  for (const auto& [id, session] : by_id) {
    if (session.specialist_id != user.id || !pool_ids.contains(session.pool_id)) continue;
    MK_ASSIGN_OR_RETURN(std::string specialty, specialty_name(session.pool_id));
    MK_ASSIGN_OR_RETURN(std::vector<store::BookedSlot> booked, tx.clinic().BookedSlots({id}));
    std::string description;
    for (const store::BookedSlot& b : booked) {
      MK_ASSIGN_OR_RETURN(std::string practice, practice_name(b.practice_id));
      description += domain::ClockText(domain::SlotStartMinute(session, b.slot.position)) + " " +
                     b.consult_number + " (" + practice + ")\n";
    }
    events.push_back(CalendarEvent{Uid("session-" + std::to_string(id), host),
                                   domain::SlotStart(session, 0),
                                   domain::SlotEnd(session, session.slot_count - 1),
                                   "Meekijkspreekuur " + specialty, session.location, description,
                                   session.status == domain::SessionStatus::kCancelled,
                                   static_cast<int>(session.version - 1)});
  }
  MK_ASSIGN_OR_RETURN(std::vector<store::BookedSlot> bookings, tx.clinic().BookingsOf(user.id));
  for (const store::BookedSlot& b : bookings) {
    auto it = by_id.find(b.slot.session_id);
    if (it == by_id.end() || !practice_ids.contains(b.practice_id)) continue;
    const ClinicSession& session = it->second;
    MK_ASSIGN_OR_RETURN(std::string specialty, specialty_name(session.pool_id));
    MK_ASSIGN_OR_RETURN(std::string practice, practice_name(b.practice_id));
    // The consult in the UID: a slot booked anew for another patient is another event.
    events.push_back(CalendarEvent{
        Uid("booking-" + std::to_string(b.slot.id) + "-" + std::to_string(*b.slot.consult_id),
            host),
        domain::SlotStart(session, b.slot.position), domain::SlotEnd(session, b.slot.position),
        "Meekijkconsult " + b.consult_number + " (" + specialty + ")", session.location, practice,
        session.status == domain::SessionStatus::kCancelled,
        static_cast<int>(session.version - 1)});
  }
  return events;
}

}  // namespace

Result<CalendarFeedState> ClinicService::Feed(const Principal& principal) {
  return store::Transact<CalendarFeedState>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<CalendarFeedState> {
        MK_ASSIGN_OR_RETURN(std::optional<TimePoint> created,
                            tx.clinic().FeedCreatedAt(principal.user.id));
        return CalendarFeedState{created.has_value(), created, ""};
      });
}

Result<CalendarFeedState> ClinicService::RenewFeed(const Principal& principal) {
  std::string token = auth::NewSessionToken();
  TimePoint now = clock_.Now();
  return store::Transact<CalendarFeedState>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<CalendarFeedState> {
        MK_RETURN_IF_ERROR(
            tx.clinic().SetFeed(principal.user.id, auth::HashSessionToken(token), now));
        return CalendarFeedState{true, now, token};
      });
}

Result<void> ClinicService::RevokeFeed(const Principal& principal) {
  return database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    return tx.clinic().RemoveFeed(principal.user.id);
  });
}

Result<std::string> ClinicService::Calendar(const std::string& token,
                                            const std::string& public_host) {
  TimePoint now = clock_.Now();
  return store::Transact<std::string>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<std::string> {
        MK_ASSIGN_OR_RETURN(std::optional<int64_t> owner,
                            tx.clinic().FeedOwner(auth::HashSessionToken(token)));
        if (!owner) return FeedNotFound();
        MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(*owner));
        if (!user || !user->active) return FeedNotFound();
        MK_ASSIGN_OR_RETURN(std::vector<CalendarEvent> events,
                            EventsOf(tx, *user, public_host, now));
        return domain::RenderCalendar("meekijk — " + user->display_name, events, now);
      });
}

}  // namespace meekijk::service
