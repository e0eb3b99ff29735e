// The physical meekijkconsult (meekijkspreekuur): coordinators of either side plan a specialist's
// sessions at a practice or a health centre, once or as a series; GPs book physical consults (and
// digital ones advised to come) into free slots or onto a waiting list; the specialist reads the
// day's list beforehand and records who came; everyone subscribes to their own sessions and
// bookings in a calendar program through a secret feed.
//
// Who sees a session: an administrator; a coordinator who acts for its pool's organisation or
// one of its practices; the pool's members; the GPs and assistants of its practices. To anyone
// else it does not exist (404). Booked consults show their number and practice only; the day
// list, with the questions, is the session specialist's and is written to the access log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/clinic_session.h"
#include "domain/consult.h"
#include "domain/question_template.h"
#include "service/access_log.h"
#include "service/consult_service.h"
#include "service/pool_option.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct NewClinicSession {
  int64_t agreement_id = 0;
  int64_t specialist_id = 0;
  std::vector<int64_t> practice_ids;  // empty: the agreement's one practice
  std::string location;
  std::string day;  // YYYY-MM-DD, the first of a series
  int starts_minute = 0;
  int ends_minute = 0;  // slots of the agreement's length fill the time between
  std::optional<domain::Recurrence> repeat;
};

// What changes; what is absent stays. `version` is the version the change was made to.
struct ClinicSessionChange {
  int64_t version = 0;
  std::optional<std::string> day;
  std::optional<int> starts_minute;
  std::optional<std::string> location;
};

struct SlotView {
  domain::ClinicSlot slot;
  TimePoint starts_at;
  TimePoint ends_at;
  bool booked = false;
  // Of the booked consult, for those who may know it; empty otherwise.
  std::string consult_number;
  std::string practice_name;
  std::optional<int64_t> consult_id;  // where the caller may open the consult
};

struct WaitingView {
  std::string consult_number;
  std::string practice_name;
  std::optional<int64_t> consult_id;
  TimePoint added_at;
};

struct ClinicSessionView {
  domain::ClinicSession session;
  std::string specialty;
  std::string pool_name;
  NamedRef specialist;
  std::vector<NamedRef> practices;
  TimePoint starts_at;
  TimePoint ends_at;
  int booked = 0;
  int waiting = 0;
  double fill_rate = 0;
  bool may_change = false;  // the caller coordinates one side
  bool may_book = false;    // the caller is a GP or assistant of one of its practices
  bool holds = false;       // the caller is its specialist
  std::vector<SlotView> slots;             // in the detail only
  std::vector<WaitingView> waiting_list;   // in the detail only, for those who may change it
};

struct PlannedSessions {
  std::vector<ClinicSessionView> sessions;
  std::vector<std::string> skipped_days;  // public holidays left out of the series
};

// One patient of the day list: what the specialist reads beforehand.
struct DayListEntry {
  SlotView slot;
  domain::Consult consult;  // the patient pseudonymised unless the specialist may see who
  std::string practice_name;
  std::vector<domain::Attachment> attachments;
  std::optional<domain::QuestionTemplate> question_template;
};

struct DayList {
  ClinicSessionView session;
  std::vector<DayListEntry> patients;
};

// Either a slot, or the waiting list of a session.
struct BookingRequest {
  std::optional<int64_t> slot_id;
  std::optional<int64_t> waiting_session_id;
};

struct CalendarFeedState {
  bool active = false;
  std::optional<TimePoint> created_at;
  std::string token;  // only right after it was made: the feed's secret, shown once
};

class ClinicService {
 public:
  ClinicService(store::Database& database, const Clock& clock, AccessLog& access_log)
      : database_(database), clock_(clock), access_log_(access_log) {}

  static constexpr int kMaxListDays = 366;
  static constexpr int kDefaultListDays = 8 * 7;

  // A 403 unless the caller coordinates or administers. Planning and changing check it too; a
  // handler asks it before reading a body, so that others learn nothing from its checks.
  static Result<void> RequireCoordinator(const Principal& principal);
  static constexpr int kBookingOptions = 8;

  // The sessions from `from_day` to `to_day` (at most a year) the caller sees; without days, from
  // today for eight weeks.
  Result<std::vector<ClinicSessionView>> Sessions(const Principal& principal,
                                                  std::string from_day = {},
                                                  std::string to_day = {});
  Result<ClinicSessionView> Session(const Principal& principal, int64_t session_id);
  // Plans one session or a series (holidays skipped) under an agreement with the physical mode,
  // for a specialist of its pool and practices it covers.
  Result<PlannedSessions> Plan(const Principal& principal, const NewClinicSession& request);
  // Moves a planned session (its slots and bookings move along) or changes its place; the GPs of
  // booked and waiting patients are told.
  Result<ClinicSessionView> Change(const Principal& principal, int64_t session_id,
                                   const ClinicSessionChange& change);
  // Cancels a planned session: its bookings and waiting list are released, their GPs told.
  Result<ClinicSessionView> Cancel(const Principal& principal, int64_t session_id);

  // The next planned sessions the consult may be booked into, with their slots: what a GP picks
  // from.
  Result<std::vector<ClinicSessionView>> BookingOptions(const Principal& principal,
                                                        int64_t consult_id);
  // Books the consult into a free slot (a 409 when someone else was first) or onto a session's
  // waiting list; a consult already booked moves. The session's specialist holds it from then on.
  Result<Booking> Book(const Principal& principal, int64_t consult_id,
                       const BookingRequest& request);
  // Releases the booking; the first of the waiting list takes the freed slot.
  Result<void> Unbook(const Principal& principal, int64_t consult_id);
  // The specialist records whether the patient came.
  Result<SlotView> RecordAttendance(const Principal& principal, int64_t slot_id,
                                    domain::Attendance attendance);
  // The specialist's list of the day, with the questions, summaries and attachments.
  Result<DayList> Day(const Principal& principal, int64_t session_id);

  // The caller's calendar feed: whether there is one; a new secret (the old one stops working);
  // none any more.
  Result<CalendarFeedState> Feed(const Principal& principal);
  Result<CalendarFeedState> RenewFeed(const Principal& principal);
  Result<void> RevokeFeed(const Principal& principal);
  // The feed by its secret, for calendar programs (no login): the owner's sessions and bookings
  // from 30 days ago on, with no patient data. kNotFound for an unknown or revoked secret.
  Result<std::string> Calendar(const std::string& token, const std::string& public_host);

 private:
  store::Database& database_;
  const Clock& clock_;
  AccessLog& access_log_;
};

}  // namespace meekijk::service
