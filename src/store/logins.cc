// Queries for logins.
#include "store/logins.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using W = Written;

// A new login was last seen when it began.
// clang-format off
const Table<LoginRecord> kLogins{"sessions", "", {
    Field<LoginRecord>("token_hash", W::kOnInsert, [](auto& l) -> auto& { return l.token_hash; }),
    Field<LoginRecord>("user_id", W::kOnInsert, [](auto& l) -> auto& { return l.user_id; }),
    Field<LoginRecord>("created_at", W::kOnInsert, [](auto& l) -> auto& { return l.created_at; }),
    Field<LoginRecord>("expires_at", W::kOnInsert, [](auto& l) -> auto& { return l.expires_at; }),
    Field<LoginRecord>("client_address", W::kOnInsert,
                       [](auto& l) -> auto& { return l.client_address; }),
}, {"last_seen_at"}};
// clang-format on

constexpr std::string_view kDelete = "DELETE FROM sessions WHERE token_hash = ?";
constexpr std::string_view kDeleteExpired = "DELETE FROM sessions WHERE expires_at <= ?";

}  // namespace

LoginRepository Tx::logins() { return LoginRepository(statements_); }

Result<void> LoginRepository::Insert(const LoginRecord& login) {
  MK_RETURN_IF_ERROR(
      sql_.Execute(kLogins.insert(), kLogins.InsertParams(login, {ToUnixMillis(login.created_at)})));
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

Result<int64_t> LoginRepository::DeleteExpired(TimePoint now) {
  return sql_.Execute(kDeleteExpired, {ToUnixMillis(now)});
}

}  // namespace meekijk::store
