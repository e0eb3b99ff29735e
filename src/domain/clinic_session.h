// The physical meekijkconsult: a specialist's (or kaderhuisarts') session at a GP practice or a
// health centre (meekijkspreekuur), its time slots, and the patients booked into them or waiting
// for one. Pure values and rules; the current day is always an argument.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/consult.h"
#include "domain/enum_names.h"
#include "domain/working_days.h"

namespace meekijk::domain {

enum class SessionStatus { kPlanned, kCancelled };
// What happened to a booked patient on the day; kExpected until the specialist records it.
enum class Attendance { kExpected, kSeen, kNoShow };

template <>
struct EnumNames<SessionStatus> {
  static constexpr std::array<std::pair<SessionStatus, std::string_view>, 2> kNames{{
      {SessionStatus::kPlanned, "planned"}, {SessionStatus::kCancelled, "cancelled"}}};
};
template <>
struct EnumNames<Attendance> {
  static constexpr std::array<std::pair<Attendance, std::string_view>, 3> kNames{{
      {Attendance::kExpected, "expected"}, {Attendance::kSeen, "seen"},
      {Attendance::kNoShow, "no_show"}}};
};

struct ClinicSession {
  int64_t id = 0;
  int64_t agreement_id = 0;  // the agreement whose practices and pool the session serves
  int64_t pool_id = 0;
  int64_t specialist_id = 0;  // a member of the pool: specialist or kaderhuisarts
  // The practices whose patients are seen: the host practice, or every practice sharing a health
  // centre. Each is covered by the agreement.
  std::vector<int64_t> practice_ids;
  std::string location;  // where: "Huisartsenpraktijk De Linde, spreekkamer 2"
  std::string day;       // YYYY-MM-DD, a working day
  int starts_minute = 0;  // Amsterdam clock, minutes after midnight
  int slot_minutes = 20;
  int slot_count = 0;
  SessionStatus status = SessionStatus::kPlanned;
  std::optional<int64_t> series_id;  // the first session of a recurring series
  std::optional<int64_t> created_by;
  TimePoint created_at;
  int64_t version = 1;
  bool operator==(const ClinicSession&) const = default;

  int ends_minute() const { return starts_minute + slot_minutes * slot_count; }
};

struct ClinicSlot {
  int64_t id = 0;
  int64_t session_id = 0;
  int position = 0;  // 0-based; the slot starts at starts_minute + position * slot_minutes
  std::optional<int64_t> consult_id;
  Attendance attendance = Attendance::kExpected;
  std::optional<TimePoint> booked_at;
  bool operator==(const ClinicSlot&) const = default;
};

// A consult waiting for a slot of a session, in the order they came.
struct WaitingEntry {
  int64_t session_id = 0;
  int64_t consult_id = 0;
  TimePoint added_at;
  bool operator==(const WaitingEntry&) const = default;
};

inline constexpr int kMinSlotMinutes = 5;
inline constexpr int kMaxSlotMinutes = 120;
inline constexpr int kMaxSlotsPerSession = 48;
inline constexpr int kMaxSessionsPerSeries = 52;
inline constexpr int kMaxLocationChars = 200;

// How a session repeats: every `every_weeks` weeks on the same weekday, `count` times in all.
struct Recurrence {
  int every_weeks = 1;  // 1 to 8
  int count = 1;        // 1 to 52 occurrences, holidays included in the count
};

// The days of a series starting on `first_day`: one every `every_weeks` weeks, `count` in all,
// leaving out Dutch public holidays (a session does not move to another day by itself). `skipped`
// receives the holidays left out, so that the planner can be told.
std::vector<std::chrono::year_month_day> SeriesDays(std::chrono::year_month_day first_day,
                                                    const Recurrence& recurrence,
                                                    std::vector<std::chrono::year_month_day>* skipped = nullptr);

// Checks a session as a coordinator plans or moves it: a location, a working day that is not
// before `today`, a start from 07:00, slots of 5 to 120 minutes, 1 to 48 of them, ending by 22:00.
// The recurrence, when given, repeats every 1 to 8 weeks, 1 to 52 times.
Result<void> ValidateSession(const ClinicSession& session, std::string_view today,
                             const std::optional<Recurrence>& recurrence = {});

// How many slots of `slot_minutes` fit between `starts_minute` and `ends_minute`.
int SlotCountBetween(int starts_minute, int ends_minute, int slot_minutes);

// The Amsterdam clock minute the slot at `position` starts at.
inline int SlotStartMinute(const ClinicSession& session, int position) {
  return session.starts_minute + position * session.slot_minutes;
}

// The instant the slot starts, and ends.
TimePoint SlotStart(const ClinicSession& session, int position);
TimePoint SlotEnd(const ClinicSession& session, int position);

// Whether a consult may be booked into a physical session: a physical consult that is sent and
// not finished, or a digital one whose latest advice is to see the patient on the
// meekijkspreekuur (the thread goes on; it stays bookable, and movable, until the specialist
// advises again). A 409 with the reason otherwise.
Result<void> MayBeBooked(const Consult& consult);

// Booked patients over slots, 0 to 1; 0 for a session without slots.
double FillRate(int booked, int slots);

}  // namespace meekijk::domain
