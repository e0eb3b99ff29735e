// Queries for API clients and used token ids.
#include "store/api_clients.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using ClientRow = ApiClientRecord;
using W = Written;

// clang-format off
const Table<ClientRow> kClients{"api_clients", "", {
    Key<ClientRow>("id", [](auto& r) -> auto& { return r.id; }),
    Field<ClientRow>("client_id", W::kOnInsert, [](auto& r) -> auto& { return r.client_id; }),
    Field<ClientRow>("name", W::kOnInsert, [](auto& r) -> auto& { return r.name; }),
    Field<ClientRow>("organisation_id", W::kOnInsert, [](auto& r) -> auto& { return r.organisation_id; }),
    Field<ClientRow>("user_id", W::kOnInsert, [](auto& r) -> auto& { return r.user_id; }),
    Field<ClientRow>("scopes", W::kOnInsert, [](auto& r) -> auto& { return r.scopes; }),
    Field<ClientRow>("public_key", W::kOnInsert, [](auto& r) -> auto& { return r.public_key; }),
    Field<ClientRow>("created_by", W::kOnInsert, [](auto& r) -> auto& { return r.created_by; }),
    Field<ClientRow>("created_at", W::kOnInsert, [](auto& r) -> auto& { return r.created_at; }),
    Field<ClientRow>("revoked_at", W::kOnInsert, [](auto& r) -> auto& { return r.revoked_at; }),
}};
// clang-format on

constexpr std::string_view kRevokeClient =
    "UPDATE api_clients SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
constexpr std::string_view kUseTokenId =
    "INSERT INTO used_token_ids (token_id, expires_at) VALUES (?, ?) "
    "ON CONFLICT (token_id) DO NOTHING";
constexpr std::string_view kIsUsed =
    "SELECT COUNT(*) FROM used_token_ids WHERE token_id = ? AND expires_at > ?";
constexpr std::string_view kForgetExpired = "DELETE FROM used_token_ids WHERE expires_at <= ?";

}  // namespace

ApiClientRepository Tx::api_clients() { return ApiClientRepository(statements_); }

Result<int64_t> ApiClientRepository::Insert(const ApiClientRecord& client) {
  return sql_.InsertReturningId(kClients.insert(), kClients.InsertParams(client));
}

Result<std::optional<ApiClientRecord>> ApiClientRepository::Find(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kClients.Select("WHERE id = ?"), {id}));
  return kClients.ReadFirst(rows);
}

Result<std::optional<ApiClientRecord>> ApiClientRepository::FindByClientId(
    std::string_view client_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kClients.Select("WHERE client_id = ?"),
                                            {std::string(client_id)}));
  return kClients.ReadFirst(rows);
}

Result<std::vector<ApiClientRecord>> ApiClientRepository::List(
    const std::vector<int64_t>& organisation_ids) {
  if (organisation_ids.empty()) {
    MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kClients.Select("ORDER BY id DESC")));
    return kClients.ReadAll(rows);
  }
  std::string where = "WHERE organisation_id IN (";
  std::vector<SqlValue> params;
  for (int64_t id : organisation_ids) {
    where += params.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  where += ") ORDER BY id DESC";
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kClients.Select(where), params));
  return kClients.ReadAll(rows);
}

Result<bool> ApiClientRepository::Revoke(int64_t id, TimePoint at) {
  MK_ASSIGN_OR_RETURN(int64_t changed, sql_.Execute(kRevokeClient, {ToUnixMillis(at), id}));
  return changed == 1;
}

Result<bool> ApiClientRepository::UseTokenId(std::string_view token_id, TimePoint expires_at) {
  MK_ASSIGN_OR_RETURN(int64_t inserted, sql_.Execute(kUseTokenId, {std::string(token_id),
                                                                   ToUnixMillis(expires_at)}));
  return inserted == 1;
}

Result<bool> ApiClientRepository::IsTokenIdUsed(std::string_view token_id, TimePoint now) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kIsUsed, {std::string(token_id), ToUnixMillis(now)}));
  return !rows.empty() && rows.front().Int(0) > 0;
}

Result<int64_t> ApiClientRepository::ForgetExpiredTokenIds(TimePoint now) {
  return sql_.Execute(kForgetExpired, {ToUnixMillis(now)});
}

}  // namespace meekijk::store
