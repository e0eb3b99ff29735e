// Queries for pool rosters and absences.
#include "store/rosters.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using domain::Absence;
using W = Written;

// clang-format off
const Table<Absence> kAbsences{"absences", "", {
    Key<Absence>("id", [](auto& a) -> auto& { return a.id; }),
    Field<Absence>("user_id", W::kOnInsert, [](auto& a) -> auto& { return a.user_id; }),
    Field<Absence>("first_day", W::kOnInsert, [](auto& a) -> auto& { return a.first_day; }),
    Field<Absence>("last_day", W::kOnInsert, [](auto& a) -> auto& { return a.last_day; }),
    Field<Absence>("reason", W::kOnInsert, [](auto& a) -> auto& { return a.reason; }),
    Field<Absence>("created_by", W::kOnInsert, [](auto& a) -> auto& { return a.created_by; }),
    Field<Absence>("created_at", W::kRead, [](auto& a) -> auto& { return a.created_at; }),
}, {"created_at"}};
// clang-format on

constexpr std::string_view kOnDuty =
    "SELECT user_id FROM pool_duty WHERE pool_id = ? AND week = ? ORDER BY user_id";
constexpr std::string_view kClearWeek = "DELETE FROM pool_duty WHERE pool_id = ? AND week = ?";
constexpr std::string_view kAddDuty =
    "INSERT INTO pool_duty (pool_id, week, user_id) VALUES (?, ?, ?) "
    "ON CONFLICT (pool_id, week, user_id) DO NOTHING";
constexpr std::string_view kDeleteAbsence = "DELETE FROM absences WHERE id = ?";

}  // namespace

RosterRepository Tx::rosters() { return RosterRepository(statements_); }

Result<std::vector<int64_t>> RosterRepository::OnDuty(int64_t pool_id, std::string_view week) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kOnDuty, {pool_id, std::string(week)}));
  std::vector<int64_t> users;
  for (const Row& row : rows) users.push_back(row.Int(0));
  return users;
}

Result<void> RosterRepository::SetOnDuty(int64_t pool_id, std::string_view week,
                                         const std::vector<int64_t>& users) {
  MK_RETURN_IF_ERROR(sql_.Execute(kClearWeek, {pool_id, std::string(week)}));
  for (int64_t user : users) {
    MK_RETURN_IF_ERROR(sql_.Execute(kAddDuty, {pool_id, std::string(week), user}));
  }
  return Ok();
}

Result<int64_t> RosterRepository::InsertAbsence(const Absence& absence, TimePoint now) {
  return sql_.InsertReturningId(kAbsences.insert(),
                                kAbsences.InsertParams(absence, {ToUnixMillis(now)}));
}

Result<std::optional<Absence>> RosterRepository::FindAbsence(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kAbsences.Select("WHERE id = ?"), {id}));
  return kAbsences.ReadFirst(rows);
}

Result<void> RosterRepository::DeleteAbsence(int64_t id) {
  MK_RETURN_IF_ERROR(sql_.Execute(kDeleteAbsence, {id}));
  return Ok();
}

Result<std::vector<Absence>> RosterRepository::AbsencesOf(const std::vector<int64_t>& user_ids,
                                                          std::string_view from_day) {
  if (user_ids.empty()) return std::vector<Absence>();
  std::vector<SqlValue> params = ParamsAround({}, user_ids, {std::string(from_day)});
  MK_ASSIGN_OR_RETURN(
      Rows rows, sql_.Query(kAbsences.Select("WHERE user_id IN (" + Placeholders(user_ids.size()) +
                                             ") AND last_day >= ? ORDER BY first_day, id"),
                            params));
  return kAbsences.ReadAll(rows);
}

Result<std::vector<int64_t>> RosterRepository::AbsentOn(const std::vector<int64_t>& user_ids,
                                                        std::string_view day) {
  if (user_ids.empty()) return std::vector<int64_t>();
  std::vector<SqlValue> params =
      ParamsAround({}, user_ids, {std::string(day), std::string(day)});
  MK_ASSIGN_OR_RETURN(
      Rows rows,
      sql_.Query("SELECT DISTINCT user_id FROM absences WHERE user_id IN (" +
                     Placeholders(user_ids.size()) +
                     ") AND first_day <= ? AND last_day >= ? ORDER BY user_id",
                 params));
  std::vector<int64_t> absent;
  for (const Row& row : rows) absent.push_back(row.Int(0));
  return absent;
}

}  // namespace meekijk::store
