// Defaults per role, retry backoff, digest moments, ISO weeks and who of a pool is told.
#include "domain/notification.h"

#include <algorithm>
#include <cstdio>

#include "core/integer.h"
#include "domain/consult_validation.h"
#include "domain/working_days.h"

namespace meekijk::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr std::chrono::hours kLongestRetry{4};
constexpr int kMaxAbsenceDays = 366;

bool Contains(const std::vector<int64_t>& ids, int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::optional<std::chrono::year_month_day> ParseIsoDate(std::string_view date) {
  if (!IsValidIsoDate(date)) return std::nullopt;
  return std::chrono::year(ParseInteger<int>(date.substr(0, 4)).value_or(0)) /
         std::chrono::month(ParseInteger<unsigned>(date.substr(5, 2)).value_or(0)) /
         std::chrono::day(ParseInteger<unsigned>(date.substr(8, 2)).value_or(0));
}

bool HasRole(const std::vector<Role>& roles, Role role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace

std::optional<EventKind> EventOf(ConsultAction action) {
  switch (action) {
    case ConsultAction::kSend: return EventKind::kConsultSent;
    case ConsultAction::kClaim: return EventKind::kConsultClaimed;
    case ConsultAction::kForward: return EventKind::kForwarded;
    case ConsultAction::kAssign: return EventKind::kAssigned;
    case ConsultAction::kDecline: return EventKind::kDeclined;
    case ConsultAction::kInfoRequest: return EventKind::kInfoRequested;
    case ConsultAction::kReply: return EventKind::kReplied;
    case ConsultAction::kAdvice: return EventKind::kAdviceGiven;
    case ConsultAction::kQuestion: return EventKind::kFollowUp;
    case ConsultAction::kClose: return EventKind::kClosed;
    case ConsultAction::kEdit:
    case ConsultAction::kCancel:
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<EventKind> ChoosableEventKinds() {
  std::vector<EventKind> kinds;
  for (const auto& [kind, name] : EnumNames<EventKind>::kNames) {
    if (kind != EventKind::kInvitation && kind != EventKind::kDigest) kinds.push_back(kind);
  }
  return kinds;
}

Delivery DefaultDelivery(EventKind kind, const std::vector<Role>& roles) {
  switch (kind) {
    case EventKind::kConsultSent:
    case EventKind::kInfoRequested:
    case EventKind::kReplied:
    case EventKind::kAdviceGiven:
    case EventKind::kFollowUp:
    case EventKind::kDeclined:
    case EventKind::kAssigned:
    case EventKind::kUnclaimedEscalated:
    case EventKind::kSessionMoved:
    case EventKind::kSessionCancelled:
    case EventKind::kInvitation:
    case EventKind::kDigest:
      return Delivery::kImmediate;
    case EventKind::kOverdue:
      return HasRole(roles, Role::kCoordinator) ? Delivery::kImmediate : Delivery::kDigest;
    case EventKind::kForwarded:
      // The new pool must act on it; for the GP it is news.
      return HasRole(roles, Role::kSpecialist) ? Delivery::kImmediate : Delivery::kDigest;
    case EventKind::kConsultClaimed:
    case EventKind::kClosed:
    case EventKind::kBooked:
      return Delivery::kDigest;
  }
  return Delivery::kImmediate;
}

Delivery EffectiveDelivery(const NotificationChoices& choices, EventKind kind,
                           const std::vector<Role>& roles) {
  if (kind == EventKind::kInvitation || kind == EventKind::kDigest) return Delivery::kImmediate;
  for (const auto& [chosen_kind, delivery] : choices.chosen) {
    if (chosen_kind == kind) return delivery;
  }
  return DefaultDelivery(kind, roles);
}

TimePoint NextAttemptAfterFailure(TimePoint now, int attempts, std::chrono::seconds first) {
  std::chrono::seconds wait = first;
  for (int i = 1; i < attempts && wait < kLongestRetry; ++i) wait *= 2;
  return now + std::min<std::chrono::seconds>(wait, kLongestRetry);
}

std::optional<TimePoint> DigestMomentOn(TimePoint now, int digest_hour) {
  sys_days local_day = std::chrono::floor<days>(UtcToAmsterdamLocal(now));
  if (!IsWorkingDay(std::chrono::year_month_day(local_day))) return std::nullopt;
  return AmsterdamLocalToUtc(TimePoint(local_day) + std::chrono::hours(digest_hour));
}

std::string IsoWeek(std::chrono::year_month_day day) {
  sys_days date{day};
  unsigned weekday = std::chrono::weekday(date).iso_encoding();  // Monday 1 … Sunday 7
  sys_days thursday = date + days(4 - static_cast<int>(weekday));
  std::chrono::year year = std::chrono::year_month_day(thursday).year();
  sys_days january_first{year / std::chrono::January / 1};
  int week = static_cast<int>((thursday - january_first).count() / 7 + 1);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-W%02d", static_cast<int>(year), week);
  return buffer;
}

bool IsIsoWeek(std::string_view week) {
  if (week.size() != 8 || week[4] != '-' || week[5] != 'W') return false;
  for (size_t i : {0, 1, 2, 3, 6, 7}) {
    if (week[i] < '0' || week[i] > '9') return false;
  }
  int year = ParseInteger<int>(week.substr(0, 4)).value_or(0);
  int number = ParseInteger<int>(week.substr(6, 2)).value_or(0);
  if (year < 2000 || year > 2200 || number < 1) return false;
  // A year has a week 53 exactly when 28 December lies in it.
  std::string last = IsoWeek(std::chrono::year(year) / std::chrono::December / 28);
  return number <= std::stoi(last.substr(6));
}

Result<void> ValidateAbsence(const Absence& absence) {
  std::optional<std::chrono::year_month_day> first = ParseIsoDate(absence.first_day);
  if (!first) {
    return MakeError(ErrorCode::kInvalidArgument, "Vul een geldige eerste dag in (JJJJ-MM-DD).",
                     "Enter a valid first day (YYYY-MM-DD).", "first_day");
  }
  std::optional<std::chrono::year_month_day> last = ParseIsoDate(absence.last_day);
  if (!last) {
    return MakeError(ErrorCode::kInvalidArgument, "Vul een geldige laatste dag in (JJJJ-MM-DD).",
                     "Enter a valid last day (YYYY-MM-DD).", "last_day");
  }
  if (sys_days(*last) < sys_days(*first)) {
    return MakeError(ErrorCode::kInvalidArgument, "De laatste dag ligt vóór de eerste.",
                     "The last day is before the first.", "last_day");
  }
  if (sys_days(*last) - sys_days(*first) > days(kMaxAbsenceDays)) {
    return MakeError(ErrorCode::kInvalidArgument, "Een afwezigheid duurt hoogstens een jaar.",
                     "An absence lasts a year at most.", "last_day");
  }
  return Ok();
}

std::optional<std::pair<std::string, std::string>> IsoWeekDays(std::string_view week) {
  if (!IsIsoWeek(week)) return std::nullopt;
  int year = ParseInteger<int>(week.substr(0, 4)).value_or(0);
  int number = ParseInteger<int>(week.substr(6, 2)).value_or(0);
  // 4 January always lies in week 1.
  sys_days january_fourth{std::chrono::year(year) / std::chrono::January / 4};
  unsigned weekday = std::chrono::weekday(january_fourth).iso_encoding();
  sys_days monday = january_fourth - days(weekday - 1) + days(7 * (number - 1));
  auto iso = [](sys_days day) {
    std::chrono::year_month_day d(day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return std::string(buffer);
  };
  return std::make_pair(iso(monday), iso(monday + days(6)));
}

std::vector<int64_t> PoolRecipients(const std::vector<int64_t>& members,
                                    const std::vector<int64_t>& on_duty,
                                    const std::vector<int64_t>& absent) {
  std::vector<int64_t> available_on_duty, available;
  for (int64_t member : members) {
    if (Contains(absent, member)) continue;
    available.push_back(member);
    if (Contains(on_duty, member)) available_on_duty.push_back(member);
  }
  if (!available_on_duty.empty()) return available_on_duty;
  if (!available.empty()) return available;
  return members;
}

}  // namespace meekijk::domain
