// Clinic sessions (meekijkspreekuur): the sessions with the practices they serve, their slots, the
// waiting lists, and each person's calendar feed. Booking a slot is one conditional UPDATE, so
// that of two concurrent bookings of the last slot exactly one is stored, on either engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/clinic_session.h"
#include "store/dialect.h"
#include "store/statements.h"

namespace meekijk::store {

// A slot with what the calendar and the day list need of its consult: no patient data.
struct BookedSlot {
  domain::ClinicSlot slot;
  std::string consult_number;
  int64_t practice_id = 0;
};

class ClinicRepository {
 public:
  ClinicRepository(Statements& statements, Dialect dialect) : sql_(statements), dialect_(dialect) {}

  // Makes plans for this specialist take turns until the transaction ends, so that two
  // coordinators planning at once cannot give them overlapping sessions.
  Result<void> LockSpecialist(int64_t specialist_id);

  // Stores the session with its practices and `slot_count` free slots; returns its id.
  Result<int64_t> InsertSession(const domain::ClinicSession& session, TimePoint now);
  Result<std::optional<domain::ClinicSession>> FindSession(int64_t id);
  // Writes status, day, start and location; a kConflict "stale_version" when someone changed it
  // since `session.version` was read.
  Result<void> UpdateSession(const domain::ClinicSession& session);
  Result<void> SetSeries(int64_t session_id, int64_t series_id);
  // The sessions from `from_day` to `to_day` (inclusive), by day and start.
  Result<std::vector<domain::ClinicSession>> SessionsBetween(std::string_view from_day,
                                                             std::string_view to_day);
  // The planned sessions of a pool from `from_day` on that serve `practice_id`, soonest first.
  Result<std::vector<domain::ClinicSession>> UpcomingFor(int64_t pool_id, int64_t practice_id,
                                                         std::string_view from_day, int limit);

  // The slots of these sessions, by session and position.
  Result<std::vector<domain::ClinicSlot>> Slots(const std::vector<int64_t>& session_ids);
  Result<std::optional<domain::ClinicSlot>> FindSlot(int64_t slot_id);
  Result<std::optional<domain::ClinicSlot>> SlotOfConsult(int64_t consult_id);
  // Books a free slot: false when it was taken (by this or another transaction).
  Result<bool> BookSlot(int64_t slot_id, int64_t consult_id, TimePoint now);
  // Frees the consult's slot, if it has one.
  Result<void> FreeSlotOf(int64_t consult_id);
  Result<void> SetAttendance(int64_t slot_id, domain::Attendance attendance);
  // The booked slots of consults sent or written by `user_id`, with their numbers.
  Result<std::vector<BookedSlot>> BookingsOf(int64_t user_id);
  // The booked slots of these sessions, with their consults' numbers and practices.
  Result<std::vector<BookedSlot>> BookedSlots(const std::vector<int64_t>& session_ids);

  // A consult is on at most one waiting list: adding it again moves it.
  Result<void> AddWaiting(const domain::WaitingEntry& entry);
  // Whether it was there: of two transactions removing the same entry, one finds it.
  Result<bool> RemoveWaiting(int64_t consult_id);
  Result<std::optional<domain::WaitingEntry>> WaitingOfConsult(int64_t consult_id);
  // The waiting lists of these sessions, first come first.
  Result<std::vector<domain::WaitingEntry>> Waiting(const std::vector<int64_t>& session_ids);

  // The calendar feed: one secret per person, kept as its hash.
  Result<void> SetFeed(int64_t user_id, const std::string& token_hash, TimePoint now);
  Result<void> RemoveFeed(int64_t user_id);
  Result<std::optional<TimePoint>> FeedCreatedAt(int64_t user_id);
  Result<std::optional<int64_t>> FeedOwner(const std::string& token_hash);

 private:
  Result<void> ReadPractices(std::vector<domain::ClinicSession>& sessions);
  Statements& sql_;
  Dialect dialect_;
};

}  // namespace meekijk::store
