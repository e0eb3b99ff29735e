// Queries for logins.
#include "store/logins.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using W = Written;

// clang-format off
const Table<LoginRecord> kLogins{"sessions", "", {
    Field<LoginRecord>("token_hash", W::kOnInsert, [](auto& l) -> auto& { return l.token_hash; }),
    Field<LoginRecord>("user_id", W::kOnInsert, [](auto& l) -> auto& { return l.user_id; }),
    Field<LoginRecord>("created_at", W::kOnInsert, [](auto& l) -> auto& { return l.created_at; }),
    Field<LoginRecord>("expires_at", W::kOnInsert, [](auto& l) -> auto& { return l.expires_at; }),
    Field<LoginRecord>("client_address", W::kOnInsert,
                       [](auto& l) -> auto& { return l.client_address; }),
    Field<LoginRecord>("public_id", W::kOnInsert, [](auto& l) -> auto& { return l.public_id; }),
    Field<LoginRecord>("last_seen_at", W::kOnInsert,
                       [](auto& l) -> auto& { return l.last_seen_at; }),
    Field<LoginRecord>("verified_at", W::kOnInsert,
                       [](auto& l) -> auto& { return l.verified_at; }),
    Field<LoginRecord>("second_factor", W::kOnInsert,
                       [](auto& l) -> auto& { return l.second_factor; }),
    Field<LoginRecord>("user_agent", W::kOnInsert, [](auto& l) -> auto& { return l.user_agent; }),
}};
// clang-format on

constexpr std::string_view kDelete = "DELETE FROM sessions WHERE token_hash = ?";
constexpr std::string_view kDeleteExpired =
    "DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?";
constexpr std::string_view kDeleteLoginOfUser =
    "DELETE FROM sessions WHERE user_id = ? AND public_id = ?";
constexpr std::string_view kDeleteAllOfUser =
    "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";
constexpr std::string_view kTouch =
    "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?";
constexpr std::string_view kMarkVerified =
    "UPDATE sessions SET verified_at = ?, last_seen_at = ?, second_factor = ? WHERE token_hash = ?";

}  // namespace

LoginRepository Tx::logins() { return LoginRepository(statements_); }

Result<void> LoginRepository::Insert(const LoginRecord& login) {
  MK_RETURN_IF_ERROR(
      sql_.Execute(kLogins.insert(), kLogins.InsertParams(login)));
  return Ok();
}

Result<std::optional<LoginRecord>> LoginRepository::Find(std::string_view token_hash) {
  MK_ASSIGN_OR_RETURN(
      Rows rows, sql_.Query(kLogins.Select("WHERE token_hash = ?"), {std::string(token_hash)}));
  return kLogins.ReadFirst(rows);
}

Result<void> LoginRepository::Delete(std::string_view token_hash) {
  MK_RETURN_IF_ERROR(sql_.Execute(kDelete, {std::string(token_hash)}));
  return Ok();
}

Result<std::vector<LoginRecord>> LoginRepository::OfUser(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(
      Rows rows, sql_.Query(kLogins.Select("WHERE user_id = ? ORDER BY created_at DESC"), {user_id}));
  return kLogins.ReadAll(rows);
}

Result<bool> LoginRepository::DeleteOfUser(int64_t user_id, std::string_view public_id) {
  MK_ASSIGN_OR_RETURN(int64_t deleted,
                      sql_.Execute(kDeleteLoginOfUser, {user_id, std::string(public_id)}));
  return deleted > 0;
}

Result<int64_t> LoginRepository::DeleteAllOfUser(int64_t user_id,
                                                 std::string_view keep_token_hash) {
  return sql_.Execute(kDeleteAllOfUser, {user_id, std::string(keep_token_hash)});
}

Result<void> LoginRepository::Touch(std::string_view token_hash, TimePoint now) {
  MK_RETURN_IF_ERROR(sql_.Execute(kTouch, {ToUnixMillis(now), std::string(token_hash),
                                           ToUnixMillis(now - std::chrono::minutes(1))}));
  return Ok();
}

Result<void> LoginRepository::MarkVerified(std::string_view token_hash, TimePoint now,
                                           bool second_factor) {
  MK_RETURN_IF_ERROR(sql_.Execute(kMarkVerified, {ToUnixMillis(now), ToUnixMillis(now),
                                                  int64_t{second_factor ? 1 : 0},
                                                  std::string(token_hash)}));
  return Ok();
}

Result<int64_t> LoginRepository::DeleteExpired(TimePoint now, TimePoint idle_since) {
  return sql_.Execute(kDeleteExpired, {ToUnixMillis(now), ToUnixMillis(idle_since)});
}

}  // namespace meekijk::store
