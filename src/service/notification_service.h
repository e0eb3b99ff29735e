// What a person is told and how: their notification list with its unread count, marking read,
// their choices (language, digest hour, delivery per kind of event); and who of a pool is told:
// the week's roster (kept by the pool's coordinators) and absences (recorded by the person or
// their coordinator). Notifications hold no patient data (a consult's number, what happened, the
// specialty), so reading them is no access-log event.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/notification.h"
#include "service/pool_option.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct NotificationView {
  int64_t id = 0;
  domain::EventKind kind = domain::EventKind::kConsultSent;
  std::optional<int64_t> consult_id;
  std::string consult_number;
  std::string specialty;
  TimePoint created_at;
  bool read = false;
};

struct NotificationPage {
  std::vector<NotificationView> items;  // newest first
  int64_t unread = 0;
  std::optional<int64_t> next_before;  // pass as `before` for the next page; absent on the last
};

struct NotificationSettings {
  domain::Language language = domain::Language::kNl;
  int digest_hour = 8;
  // Every choosable kind with the delivery in force (chosen, or the role's default), and whether
  // the person chose it.
  struct Kind {
    domain::EventKind kind;
    domain::Delivery delivery;
    bool chosen = false;
  };
  std::vector<Kind> kinds;
};

// What changes; absent parts stay. `kinds` sets those listed (replacing earlier choices of them).
struct NotificationSettingsChange {
  std::optional<domain::Language> language;
  std::optional<int> digest_hour;
  std::vector<std::pair<domain::EventKind, domain::Delivery>> kinds;
  // Forget every choice and go back to the role's defaults (before `kinds` is applied).
  bool reset_kinds = false;
};

struct RosterMember {
  NamedRef person;
  bool on_duty = false;
  bool absent = false;  // away on a day of the week
};

struct RosterView {
  int64_t pool_id = 0;
  std::string pool_name;
  std::string week;  // "2026-W50"
  std::vector<RosterMember> members;
  bool has_roster = false;  // anyone named on duty; without, every member is told
  bool may_change = false;
};

struct AbsenceView {
  domain::Absence absence;
  std::string person_name;
  bool may_change = false;
};

class NotificationService {
 public:
  NotificationService(store::Database& database, const Clock& clock)
      : database_(database), clock_(clock) {}

  static constexpr int kMaxPage = 100;

  // The caller's own notifications, newest first, `limit` (1..100) at most, older than `before`.
  Result<NotificationPage> List(const Principal& principal, std::optional<int64_t> before,
                                int limit);
  // Marks the caller's notifications read: those listed, or all when `ids` is empty. Returns the
  // unread count after.
  Result<int64_t> MarkRead(const Principal& principal, const std::vector<int64_t>& ids);

  Result<NotificationSettings> Settings(const Principal& principal);
  // kInvalidArgument for an hour outside 0..23 or the invitation's delivery, which is not a choice.
  Result<NotificationSettings> ChangeSettings(const Principal& principal,
                                              const NotificationSettingsChange& change);

  // The week's roster of a pool (the current week when `week` is absent): for its members and
  // the coordinators of its organisation; kNotFound for others.
  Result<RosterView> Roster(const Principal& principal, int64_t pool_id,
                            std::optional<std::string> week);
  // Names who is on duty in `week`: members of the pool only; the coordinators of the pool's
  // organisation (and administrators) only, kForbidden for its members.
  Result<RosterView> SetRoster(const Principal& principal, int64_t pool_id,
                               const std::string& week, const std::vector<int64_t>& on_duty);

  // The caller's own absences and those of the people they coordinate, not yet over.
  Result<std::vector<AbsenceView>> Absences(const Principal& principal);
  // Records an absence for oneself, or as a coordinator for a member of an organisation one
  // coordinates (kNotFound for anyone else).
  Result<AbsenceView> AddAbsence(const Principal& principal, domain::Absence absence);
  Result<void> RemoveAbsence(const Principal& principal, int64_t absence_id);

 private:
  store::Database& database_;
  const Clock& clock_;
};

}  // namespace meekijk::service
