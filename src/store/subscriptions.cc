// Queries for FHIR subscriptions.
#include "store/subscriptions.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using SubscriptionRow = SubscriptionRecord;
using W = Written;

// clang-format off
const Table<SubscriptionRow> kSubscriptions{"subscriptions", "", {
    Key<SubscriptionRow>("id", [](auto& s) -> auto& { return s.id; }),
    Field<SubscriptionRow>("api_client_id", W::kOnInsert, [](auto& s) -> auto& { return s.api_client_id; }),
    Field<SubscriptionRow>("criteria", W::kOnInsert, [](auto& s) -> auto& { return s.criteria; }),
    Field<SubscriptionRow>("endpoint", W::kOnInsert, [](auto& s) -> auto& { return s.endpoint; }),
    Field<SubscriptionRow>("payload", W::kOnInsert, [](auto& s) -> auto& { return s.payload; }),
    Field<SubscriptionRow>("reason", W::kOnInsert, [](auto& s) -> auto& { return s.reason; }),
    Field<SubscriptionRow>("created_at", W::kOnInsert, [](auto& s) -> auto& { return s.created_at; }),
    Field<SubscriptionRow>("ended_at", W::kOnInsert, [](auto& s) -> auto& { return s.ended_at; }),
}};
// clang-format on

// The latest notification of the subscription: its error unless it was delivered.
constexpr std::string_view kLastError =
    "SELECT CASE WHEN status = 'delivered' THEN '' ELSE last_error END FROM outbox "
    "WHERE subscription_id = ? AND (status = 'delivered' OR last_error <> '') "
    "ORDER BY id DESC LIMIT 1";
constexpr std::string_view kEndSubscription =
    "UPDATE subscriptions SET ended_at = ? WHERE id = ? AND ended_at IS NULL";

}  // namespace

SubscriptionRepository Tx::subscriptions() { return SubscriptionRepository(statements_); }

Result<int64_t> SubscriptionRepository::Insert(const SubscriptionRecord& subscription) {
  return sql_.InsertReturningId(kSubscriptions.insert(), kSubscriptions.InsertParams(subscription));
}

Result<std::optional<SubscriptionRecord>> SubscriptionRepository::Find(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kSubscriptions.Select("WHERE id = ?"), {id}));
  return kSubscriptions.ReadFirst(rows);
}

Result<std::vector<SubscriptionRecord>> SubscriptionRepository::OfClient(int64_t api_client_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kSubscriptions.Select(
                                                "WHERE api_client_id = ? ORDER BY id DESC"),
                                            {api_client_id}));
  return kSubscriptions.ReadAll(rows);
}

Result<std::vector<SubscriptionRecord>> SubscriptionRepository::ActiveOfOrganisation(
    int64_t organisation_id) {
  MK_ASSIGN_OR_RETURN(
      Rows rows,
      sql_.Query(kSubscriptions.Select(
                     "WHERE ended_at IS NULL AND api_client_id IN (SELECT id FROM api_clients "
                     "WHERE organisation_id = ? AND revoked_at IS NULL) ORDER BY id"),
                 {organisation_id}));
  return kSubscriptions.ReadAll(rows);
}

Result<bool> SubscriptionRepository::End(int64_t id, TimePoint at) {
  MK_ASSIGN_OR_RETURN(int64_t changed, sql_.Execute(kEndSubscription, {ToUnixMillis(at), id}));
  return changed == 1;
}

Result<std::string> SubscriptionRepository::LastError(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kLastError, {id}));
  if (rows.empty()) return std::string();
  return rows.front().Text(0);
}

}  // namespace meekijk::store
