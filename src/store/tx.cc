// The plumbing shared by every repository.
#include "store/tx.h"

namespace meekijk::store {

Result<int64_t> Statements::InsertReturningId(std::string_view sql,
                                              const std::vector<SqlValue>& params) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(sql, params));
  if (rows.empty()) return MakeFact(ErrorCode::kInternal, "insert_returned_no_row");
  return rows.front().Int(0);
}

Result<void> Tx::Ping() {
  MK_RETURN_IF_ERROR(statements_.Query("SELECT 1"));
  return Ok();
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

std::vector<SqlValue> Ids(std::span<const int64_t> ids) {
  return std::vector<SqlValue>(ids.begin(), ids.end());
}

std::vector<SqlValue> ParamsAround(std::initializer_list<SqlValue> head,
                                   std::span<const int64_t> ids,
                                   std::initializer_list<SqlValue> tail) {
  std::vector<SqlValue> params(head.size() + ids.size() + tail.size());
  size_t at = 0;
  for (const SqlValue& value : head) params[at++] = value;
  for (int64_t id : ids) params[at++] = id;
  for (const SqlValue& value : tail) params[at++] = value;
  return params;
}

}  // namespace meekijk::store
