// Queries for clinic sessions, slots, waiting lists and calendar feeds.
#include "store/clinic.h"

#include <algorithm>
#include <map>

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using domain::ClinicSession;
using domain::ClinicSlot;
using domain::WaitingEntry;
using W = Written;

// clang-format off
const Table<ClinicSession> kSessions{"clinic_sessions", "s", {
    Key<ClinicSession>("id", [](auto& s) -> auto& { return s.id; }),
    Field<ClinicSession>("agreement_id", W::kOnInsert, [](auto& s) -> auto& { return s.agreement_id; }),
    Field<ClinicSession>("pool_id", W::kOnInsert, [](auto& s) -> auto& { return s.pool_id; }),
    Field<ClinicSession>("specialist_id", W::kOnInsert, [](auto& s) -> auto& { return s.specialist_id; }),
    Field<ClinicSession>("location", W::kAlways, [](auto& s) -> auto& { return s.location; }),
    Field<ClinicSession>("day", W::kAlways, [](auto& s) -> auto& { return s.day; }),
    Field<ClinicSession>("starts_minute", W::kAlways, [](auto& s) -> auto& { return s.starts_minute; }),
    Field<ClinicSession>("slot_minutes", W::kOnInsert, [](auto& s) -> auto& { return s.slot_minutes; }),
    Field<ClinicSession>("slot_count", W::kOnInsert, [](auto& s) -> auto& { return s.slot_count; }),
    Field<ClinicSession>("status", W::kAlways, [](auto& s) -> auto& { return s.status; }),
    Field<ClinicSession>("series_id", W::kOnInsert, [](auto& s) -> auto& { return s.series_id; }),
    Field<ClinicSession>("created_by", W::kOnInsert, [](auto& s) -> auto& { return s.created_by; }),
    Field<ClinicSession>("s.created_at", W::kRead, [](auto& s) -> auto& { return s.created_at; }),
    Field<ClinicSession>("version", W::kVersion, [](auto& s) -> auto& { return s.version; }),
}, {"created_at"}};

const Table<ClinicSlot> kSlots{"clinic_slots", "sl", {
    Key<ClinicSlot>("id", [](auto& s) -> auto& { return s.id; }),
    Field<ClinicSlot>("session_id", W::kOnInsert, [](auto& s) -> auto& { return s.session_id; }),
    Field<ClinicSlot>("slot_position", W::kOnInsert, [](auto& s) -> auto& { return s.position; }),
    Field<ClinicSlot>("consult_id", W::kAlways, [](auto& s) -> auto& { return s.consult_id; }),
    Field<ClinicSlot>("attendance", W::kAlways, [](auto& s) -> auto& { return s.attendance; }),
    Field<ClinicSlot>("booked_at", W::kAlways, [](auto& s) -> auto& { return s.booked_at; }),
}};

const Table<WaitingEntry> kWaiting{"clinic_waiting", "w", {
    Field<WaitingEntry>("session_id", W::kAlways, [](auto& w) -> auto& { return w.session_id; }),
    Field<WaitingEntry>("consult_id", W::kOnInsert, [](auto& w) -> auto& { return w.consult_id; }),
    Field<WaitingEntry>("added_at", W::kAlways, [](auto& w) -> auto& { return w.added_at; }),
}};
// clang-format on

constexpr std::string_view kInsertPractice =
    "INSERT INTO clinic_session_practices (session_id, practice_id) VALUES (?, ?)";
constexpr std::string_view kSetSeries = "UPDATE clinic_sessions SET series_id = ? WHERE id = ?";
// The WHERE makes the booking conditional: a slot another transaction booked first stays its.
constexpr std::string_view kBookSlot =
    "UPDATE clinic_slots SET consult_id = ?, booked_at = ?, attendance = 'expected' "
    "WHERE id = ? AND consult_id IS NULL";
constexpr std::string_view kFreeSlot =
    "UPDATE clinic_slots SET consult_id = NULL, booked_at = NULL, attendance = 'expected' "
    "WHERE consult_id = ?";
constexpr std::string_view kSetAttendance = "UPDATE clinic_slots SET attendance = ? WHERE id = ?";
constexpr std::string_view kBookedColumns = ", c.number, c.practice_id FROM clinic_slots sl "
                                            "JOIN consults c ON c.id = sl.consult_id ";
constexpr std::string_view kUpsertWaiting =
    "INSERT INTO clinic_waiting (session_id, consult_id, added_at) VALUES (?, ?, ?) "
    "ON CONFLICT (consult_id) DO UPDATE SET session_id = excluded.session_id, "
    "added_at = excluded.added_at";
constexpr std::string_view kRemoveWaiting = "DELETE FROM clinic_waiting WHERE consult_id = ?";
constexpr std::string_view kUpsertFeed =
    "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?) "
    "ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, "
    "created_at = excluded.created_at";
constexpr std::string_view kRemoveFeed = "DELETE FROM calendar_feeds WHERE user_id = ?";
constexpr std::string_view kFeedCreatedAt =
    "SELECT created_at FROM calendar_feeds WHERE user_id = ?";
constexpr std::string_view kFeedOwner = "SELECT user_id FROM calendar_feeds WHERE token_hash = ?";

// The slot columns' SELECT list without its FROM, for the joins below.
std::string SlotSelectList() {
  std::string select = kSlots.Select("");
  return select.substr(0, select.find(" FROM "));
}

std::vector<BookedSlot> ReadBooked(const Rows& rows) {
  std::vector<BookedSlot> booked;
  size_t columns = kSlots.columns().size();
  for (const Row& row : rows) {
    booked.push_back(BookedSlot{kSlots.Read(row), row.Text(columns), row.Int(columns + 1)});
  }
  return booked;
}

}  // namespace

ClinicRepository Tx::clinic() { return ClinicRepository(statements_, dialect_); }

Result<void> ClinicRepository::LockSpecialist(int64_t specialist_id) {
  std::string sql = "SELECT id FROM users WHERE id = ?";
  sql += ForUpdateClause(dialect_);
  MK_RETURN_IF_ERROR(sql_.Query(sql, {specialist_id}));
  return Ok();
}

Result<int64_t> ClinicRepository::InsertSession(const ClinicSession& session, TimePoint now) {
  MK_ASSIGN_OR_RETURN(int64_t id, sql_.InsertReturningId(kSessions.insert(),
                                                         kSessions.InsertParams(session, {ToUnixMillis(now)})));
  for (int64_t practice : session.practice_ids) {
    MK_RETURN_IF_ERROR(sql_.Execute(kInsertPractice, {id, practice}));
  }
  for (int position = 0; position < session.slot_count; ++position) {
    ClinicSlot slot;
    slot.session_id = id;
    slot.position = position;
    MK_RETURN_IF_ERROR(sql_.Execute(kSlots.insert(), kSlots.InsertParams(slot)));
  }
  return id;
}

Result<void> ClinicRepository::ReadPractices(std::vector<ClinicSession>& sessions) {
  if (sessions.empty()) return Ok();
  std::vector<int64_t> ids;
  for (const ClinicSession& s : sessions) ids.push_back(s.id);
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query("SELECT session_id, practice_id FROM clinic_session_practices "
                                 "WHERE session_id IN (" + Placeholders(ids.size()) +
                                     ") ORDER BY session_id, practice_id",
                                 Ids(ids)));
  std::map<int64_t, ClinicSession*> by_id;
  for (ClinicSession& s : sessions) by_id[s.id] = &s;
  for (const Row& row : rows) by_id.at(row.Int(0))->practice_ids.push_back(row.Int(1));
  return Ok();
}

Result<std::optional<ClinicSession>> ClinicRepository::FindSession(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kSessions.Select("WHERE s.id = ?"), {id}));
  std::vector<ClinicSession> sessions = kSessions.ReadAll(rows);
  MK_RETURN_IF_ERROR(ReadPractices(sessions));
  if (sessions.empty()) return std::optional<ClinicSession>();
  return std::optional<ClinicSession>(std::move(sessions.front()));
}

Result<void> ClinicRepository::UpdateSession(const ClinicSession& session) {
  MK_ASSIGN_OR_RETURN(int64_t changed,
                      sql_.Execute(kSessions.update(), kSessions.UpdateParams(session)));
  if (changed == 0) return MakeFact(ErrorCode::kConflict, "stale_version");
  return Ok();
}

Result<void> ClinicRepository::SetSeries(int64_t session_id, int64_t series_id) {
  MK_RETURN_IF_ERROR(sql_.Execute(kSetSeries, {series_id, session_id}));
  return Ok();
}

Result<std::vector<ClinicSession>> ClinicRepository::SessionsBetween(std::string_view from_day,
                                                                     std::string_view to_day) {
  MK_ASSIGN_OR_RETURN(
      Rows rows, sql_.Query(kSessions.Select("WHERE s.day >= ? AND s.day <= ? "
                                             "ORDER BY s.day, s.starts_minute, s.id"),
                            {std::string(from_day), std::string(to_day)}));
  std::vector<ClinicSession> sessions = kSessions.ReadAll(rows);
  MK_RETURN_IF_ERROR(ReadPractices(sessions));
  return sessions;
}

Result<std::vector<ClinicSession>> ClinicRepository::UpcomingFor(int64_t pool_id,
                                                                 int64_t practice_id,
                                                                 std::string_view from_day,
                                                                 int limit) {
  MK_ASSIGN_OR_RETURN(
      Rows rows,
      sql_.Query(kSessions.Select(
                     "JOIN clinic_session_practices sp ON sp.session_id = s.id "
                     "WHERE s.pool_id = ? AND sp.practice_id = ? AND s.day >= ? "
                     "AND s.status = 'planned' ORDER BY s.day, s.starts_minute, s.id LIMIT ?"),
                 {pool_id, practice_id, std::string(from_day), int64_t{limit}}));
  std::vector<ClinicSession> sessions = kSessions.ReadAll(rows);
  MK_RETURN_IF_ERROR(ReadPractices(sessions));
  return sessions;
}

Result<std::vector<ClinicSlot>> ClinicRepository::Slots(const std::vector<int64_t>& session_ids) {
  if (session_ids.empty()) return std::vector<ClinicSlot>();
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(kSlots.Select("WHERE sl.session_id IN (" +
                                               Placeholders(session_ids.size()) +
                                               ") ORDER BY sl.session_id, sl.slot_position"),
                                 Ids(session_ids)));
  return kSlots.ReadAll(rows);
}

Result<std::optional<ClinicSlot>> ClinicRepository::FindSlot(int64_t slot_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kSlots.Select("WHERE sl.id = ?"), {slot_id}));
  return kSlots.ReadFirst(rows);
}

Result<std::optional<ClinicSlot>> ClinicRepository::SlotOfConsult(int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(kSlots.Select("WHERE sl.consult_id = ?"), {consult_id}));
  return kSlots.ReadFirst(rows);
}

Result<bool> ClinicRepository::BookSlot(int64_t slot_id, int64_t consult_id, TimePoint now) {
  MK_ASSIGN_OR_RETURN(int64_t changed,
                      sql_.Execute(kBookSlot, {consult_id, ToUnixMillis(now), slot_id}));
  return changed == 1;
}

Result<void> ClinicRepository::FreeSlotOf(int64_t consult_id) {
  MK_RETURN_IF_ERROR(sql_.Execute(kFreeSlot, {consult_id}));
  return Ok();
}

Result<void> ClinicRepository::SetAttendance(int64_t slot_id, domain::Attendance attendance) {
  MK_RETURN_IF_ERROR(
      sql_.Execute(kSetAttendance, {std::string(domain::Name(attendance)), slot_id}));
  return Ok();
}

Result<std::vector<BookedSlot>> ClinicRepository::BookingsOf(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(SlotSelectList() + std::string(kBookedColumns) +
                                     "WHERE c.sender_id = ? OR c.author_id = ? "
                                     "ORDER BY sl.session_id, sl.slot_position",
                                 {user_id, user_id}));
  return ReadBooked(rows);
}

Result<std::vector<BookedSlot>> ClinicRepository::BookedSlots(
    const std::vector<int64_t>& session_ids) {
  if (session_ids.empty()) return std::vector<BookedSlot>();
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(SlotSelectList() + std::string(kBookedColumns) +
                                     "WHERE sl.session_id IN (" +
                                     Placeholders(session_ids.size()) +
                                     ") ORDER BY sl.session_id, sl.slot_position",
                                 Ids(session_ids)));
  return ReadBooked(rows);
}

Result<void> ClinicRepository::AddWaiting(const WaitingEntry& entry) {
  MK_RETURN_IF_ERROR(sql_.Execute(
      kUpsertWaiting, {entry.session_id, entry.consult_id, ToUnixMillis(entry.added_at)}));
  return Ok();
}

Result<bool> ClinicRepository::RemoveWaiting(int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(int64_t removed, sql_.Execute(kRemoveWaiting, {consult_id}));
  return removed > 0;
}

Result<std::optional<WaitingEntry>> ClinicRepository::WaitingOfConsult(int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(kWaiting.Select("WHERE w.consult_id = ?"), {consult_id}));
  return kWaiting.ReadFirst(rows);
}

Result<std::vector<WaitingEntry>> ClinicRepository::Waiting(
    const std::vector<int64_t>& session_ids) {
  if (session_ids.empty()) return std::vector<WaitingEntry>();
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(kWaiting.Select("WHERE w.session_id IN (" +
                                                 Placeholders(session_ids.size()) +
                                                 ") ORDER BY w.session_id, w.added_at, w.consult_id"),
                                 Ids(session_ids)));
  return kWaiting.ReadAll(rows);
}

Result<void> ClinicRepository::SetFeed(int64_t user_id, const std::string& token_hash,
                                       TimePoint now) {
  MK_RETURN_IF_ERROR(sql_.Execute(kUpsertFeed, {user_id, token_hash, ToUnixMillis(now)}));
  return Ok();
}

Result<void> ClinicRepository::RemoveFeed(int64_t user_id) {
  MK_RETURN_IF_ERROR(sql_.Execute(kRemoveFeed, {user_id}));
  return Ok();
}

Result<std::optional<TimePoint>> ClinicRepository::FeedCreatedAt(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kFeedCreatedAt, {user_id}));
  if (rows.empty()) return std::optional<TimePoint>();
  return std::optional<TimePoint>(FromUnixMillis(rows.front().Int(0)));
}

Result<std::optional<int64_t>> ClinicRepository::FeedOwner(const std::string& token_hash) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kFeedOwner, {token_hash}));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows.front().Int(0));
}

}  // namespace meekijk::store
