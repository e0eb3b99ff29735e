// Queries for launch keys.
#include "store/launch_keys.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using LaunchKeyRow = LaunchKeyRecord;
using W = Written;

// clang-format off
const Table<LaunchKeyRow> kKeys{"launch_keys", "", {
    Key<LaunchKeyRow>("id", [](auto& r) -> auto& { return r.id; }),
    Field<LaunchKeyRow>("key_id", W::kOnInsert, [](auto& r) -> auto& { return r.key_id; }),
    Field<LaunchKeyRow>("organisation_id", W::kOnInsert, [](auto& r) -> auto& { return r.organisation_id; }),
    Field<LaunchKeyRow>("name", W::kOnInsert, [](auto& r) -> auto& { return r.name; }),
    Field<LaunchKeyRow>("public_key", W::kOnInsert, [](auto& r) -> auto& { return r.public_key; }),
    Field<LaunchKeyRow>("created_by", W::kOnInsert, [](auto& r) -> auto& { return r.created_by; }),
    Field<LaunchKeyRow>("created_at", W::kOnInsert, [](auto& r) -> auto& { return r.created_at; }),
    Field<LaunchKeyRow>("revoked_at", W::kOnInsert, [](auto& r) -> auto& { return r.revoked_at; }),
}};
// clang-format on

constexpr std::string_view kRevokeKey =
    "UPDATE launch_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";

}  // namespace

LaunchKeyRepository Tx::launch_keys() { return LaunchKeyRepository(statements_); }

Result<int64_t> LaunchKeyRepository::Insert(const LaunchKeyRecord& key) {
  return sql_.InsertReturningId(kKeys.insert(), kKeys.InsertParams(key));
}

Result<std::optional<LaunchKeyRecord>> LaunchKeyRepository::Find(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kKeys.Select("WHERE id = ?"), {id}));
  return kKeys.ReadFirst(rows);
}

Result<std::optional<LaunchKeyRecord>> LaunchKeyRepository::FindByKeyId(std::string_view key_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kKeys.Select("WHERE key_id = ?"), {std::string(key_id)}));
  return kKeys.ReadFirst(rows);
}

Result<std::vector<LaunchKeyRecord>> LaunchKeyRepository::List(
    const std::vector<int64_t>& organisation_ids) {
  std::string where = "ORDER BY id DESC";
  std::vector<SqlValue> params;
  if (!organisation_ids.empty()) {
    where = "WHERE organisation_id IN (";
    for (int64_t id : organisation_ids) {
      where += params.empty() ? "?" : ", ?";
      params.emplace_back(id);
    }
    where += ") ORDER BY id DESC";
  }
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kKeys.Select(where), params));
  return kKeys.ReadAll(rows);
}

Result<bool> LaunchKeyRepository::Revoke(int64_t id, TimePoint at) {
  MK_ASSIGN_OR_RETURN(int64_t changed, sql_.Execute(kRevokeKey, {ToUnixMillis(at), id}));
  return changed == 1;
}

}  // namespace meekijk::store
