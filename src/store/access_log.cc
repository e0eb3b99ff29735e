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
    Field<E>("api_client", W::kOnInsert, [](auto& e) -> auto& { return e.api_client; }),
    Field<E>("prev_hash", W::kOnInsert, [](auto& e) -> auto& { return e.prev_hash; }),
    Field<E>("row_hash", W::kOnInsert, [](auto& e) -> auto& { return e.row_hash; }),
}};
// clang-format on

constexpr std::string_view kHead = "SELECT id, row_hash FROM access_log ORDER BY id DESC LIMIT 1";
constexpr std::string_view kLegacyThrough = "SELECT legacy_through FROM access_log_chain";
constexpr std::string_view kSeal = "UPDATE access_log SET prev_hash = ?, row_hash = ? WHERE id = ?";
constexpr std::string_view kEndLegacy = "UPDATE access_log_chain SET legacy_through = 0";

}  // namespace

AccessLogRepository Tx::access_log() { return AccessLogRepository(statements_); }

Result<void> AccessLogRepository::LockChain(Dialect dialect) {
  std::string_view lock = ChainLockStatement(dialect);
  if (!lock.empty()) MK_RETURN_IF_ERROR(sql_.Query(lock));
  return Ok();
}

Result<std::optional<ChainHead>> AccessLogRepository::Head() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kHead));
  if (rows.empty()) return std::optional<ChainHead>();
  return std::optional<ChainHead>(ChainHead{rows.front().Int(0), rows.front().Text(1)});
}

Result<std::vector<AccessLogEntry>> AccessLogRepository::Scan(int64_t after_id, int limit) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kAccessLog.Select("WHERE id > ? ORDER BY id LIMIT ?"),
                                            {after_id, int64_t{limit}}));
  return kAccessLog.ReadAll(rows);
}

Result<std::vector<AccessLogEntry>> AccessLogRepository::Search(const AccessLogFilter& filter) {
  // Filled in place at its largest size (g++ 12 at -O2 misreads a growing vector of variants).
  std::vector<SqlValue> params(9);
  size_t n = 0;
  std::string where = "WHERE 1 = 1";
  if (filter.organisation_id) {
    // Its members' actions, and any action on a consult of the practice or of one of its pools.
    where += " AND (organisation_id = ? OR consult_id IN (SELECT c.id FROM consults c "
             "LEFT JOIN pools p ON p.id = c.pool_id WHERE c.practice_id = ? "
             "OR p.organisation_id = ?))";
    for (int i = 0; i < 3; ++i) params[n++] = *filter.organisation_id;
  }
  if (filter.patient_ref) {
    where += " AND patient_ref = ?";
    params[n++] = *filter.patient_ref;
  }
  if (filter.user_id) {
    where += " AND user_id = ?";
    params[n++] = *filter.user_id;
  }
  if (filter.from) {
    where += " AND at >= ?";
    params[n++] = ToUnixMillis(*filter.from);
  }
  if (filter.until) {
    where += " AND at < ?";
    params[n++] = ToUnixMillis(*filter.until);
  }
  if (filter.before_id) {
    where += " AND id < ?";
    params[n++] = *filter.before_id;
  }
  params[n++] = int64_t{filter.limit};
  params.resize(n);
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kAccessLog.Select(where + " ORDER BY id DESC LIMIT ?"),
                                            params));
  return kAccessLog.ReadAll(rows);
}

Result<int64_t> AccessLogRepository::LegacyThrough() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kLegacyThrough));
  return rows.empty() ? int64_t{0} : rows.front().Int(0);
}

Result<void> AccessLogRepository::Seal(int64_t id, const std::string& prev_hash,
                                       const std::string& row_hash) {
  MK_RETURN_IF_ERROR(sql_.Execute(kSeal, {prev_hash, row_hash, id}));
  return Ok();
}

Result<void> AccessLogRepository::EndLegacy() {
  MK_RETURN_IF_ERROR(sql_.Execute(kEndLegacy));
  return Ok();
}

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
