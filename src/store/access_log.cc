// Queries for the access log.
#include "store/access_log.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using E = AccessLogEntry;
using W = Written;

// clang-format off
const Table<E> kAccessLog{"access_log", "", {
    Key<E>("id", [](auto& e) -> auto& { return e.id; }),
    Field<E>("at", W::kOnInsert, [](auto& e) -> auto& { return e.at; }),
    Field<E>("user_id", W::kOnInsert, [](auto& e) -> auto& { return e.user_id; }),
    Field<E>("username", W::kOnInsert, [](auto& e) -> auto& { return e.username; }),
    Field<E>("role", W::kOnInsert, [](auto& e) -> auto& { return e.role; }),
    Field<E>("organisation_id", W::kOnInsert, [](auto& e) -> auto& { return e.organisation_id; }),
    Field<E>("on_behalf_of", W::kOnInsert, [](auto& e) -> auto& { return e.on_behalf_of; }),
    Field<E>("action", W::kOnInsert, [](auto& e) -> auto& { return e.action; }),
    Field<E>("consult_id", W::kOnInsert, [](auto& e) -> auto& { return e.consult_id; }),
    Field<E>("patient_ref", W::kOnInsert, [](auto& e) -> auto& { return e.patient_ref; }),
    Field<E>("detail", W::kOnInsert, [](auto& e) -> auto& { return e.detail; }),
    Field<E>("client_address", W::kOnInsert, [](auto& e) -> auto& { return e.client_address; }),
    Field<E>("request_id", W::kOnInsert, [](auto& e) -> auto& { return e.request_id; }),
    Field<E>("outcome", W::kOnInsert, [](auto& e) -> auto& { return e.outcome; }),
}};
// clang-format on

}  // namespace

AccessLogRepository Tx::access_log() { return AccessLogRepository(statements_); }

Result<int64_t> AccessLogRepository::Append(const AccessLogEntry& entry) {
  return sql_.InsertReturningId(kAccessLog.insert(), kAccessLog.InsertParams(entry));
}

Result<std::vector<AccessLogEntry>> AccessLogRepository::List(std::optional<int64_t> consult_id,
                                                              int limit) {
  std::string rest = consult_id ? "WHERE consult_id = ? " : "";
  std::vector<SqlValue> params = consult_id ? std::vector<SqlValue>{*consult_id, int64_t{limit}}
                                            : std::vector<SqlValue>{int64_t{limit}};
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(kAccessLog.Select(rest + "ORDER BY id DESC LIMIT ?"), params));
  return kAccessLog.ReadAll(rows);
}

}  // namespace meekijk::store
