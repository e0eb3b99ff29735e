// Queries for password reset links.
#include "store/password_resets.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using ResetRow = PasswordResetRecord;
using W = Written;

// clang-format off
const Table<ResetRow> kResets{"password_resets", "", {
    Field<ResetRow>("token_hash", W::kOnInsert, [](auto& r) -> auto& { return r.token_hash; }),
    Field<ResetRow>("user_id", W::kOnInsert, [](auto& r) -> auto& { return r.user_id; }),
    Field<ResetRow>("issued_by", W::kOnInsert, [](auto& r) -> auto& { return r.issued_by; }),
    Field<ResetRow>("created_at", W::kOnInsert, [](auto& r) -> auto& { return r.created_at; }),
    Field<ResetRow>("expires_at", W::kOnInsert, [](auto& r) -> auto& { return r.expires_at; }),
    Field<ResetRow>("used_at", W::kAlways, [](auto& r) -> auto& { return r.used_at; }),
    Field<ResetRow>("second_factor_reset", W::kOnInsert,
             [](auto& r) -> auto& { return r.second_factor_reset; }),
}};
// clang-format on

constexpr std::string_view kDeleteResetsOfUser = "DELETE FROM password_resets WHERE user_id = ?";
constexpr std::string_view kUse =
    "UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
    "AND expires_at > ?";

}  // namespace

PasswordResetRepository Tx::password_resets() { return PasswordResetRepository(statements_); }

Result<void> PasswordResetRepository::Replace(const PasswordResetRecord& reset) {
  MK_RETURN_IF_ERROR(sql_.Execute(kDeleteResetsOfUser, {reset.user_id}));
  MK_RETURN_IF_ERROR(sql_.Execute(kResets.insert(), kResets.InsertParams(reset)));
  return Ok();
}

Result<std::optional<PasswordResetRecord>> PasswordResetRepository::Find(
    std::string_view token_hash) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kResets.Select("WHERE token_hash = ?"),
                                            {std::string(token_hash)}));
  return kResets.ReadFirst(rows);
}

Result<std::optional<int64_t>> PasswordResetRepository::Use(std::string_view token_hash,
                                                            TimePoint now) {
  MK_ASSIGN_OR_RETURN(std::optional<PasswordResetRecord> reset, Find(token_hash));
  if (!reset) return std::optional<int64_t>();
  MK_ASSIGN_OR_RETURN(int64_t changed,
                      sql_.Execute(kUse, {ToUnixMillis(now), std::string(token_hash),
                                          ToUnixMillis(now)}));
  if (changed != 1) return std::optional<int64_t>();
  return std::optional<int64_t>(reset->user_id);
}

}  // namespace meekijk::store
