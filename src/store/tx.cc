// The plumbing shared by every Tx operation.
#include "store/tx.h"

namespace meekijk::store {

Result<Rows> Tx::Query(std::string_view sql, std::initializer_list<SqlValue> params) {
  return connection_.Query(sql, std::span<const SqlValue>(params.begin(), params.size()));
}

Result<Rows> Tx::Query(std::string_view sql, const std::vector<SqlValue>& params) {
  return connection_.Query(sql, std::span<const SqlValue>(params.data(), params.size()));
}

Result<int64_t> Tx::Execute(std::string_view sql, std::initializer_list<SqlValue> params) {
  return connection_.Execute(sql, std::span<const SqlValue>(params.begin(), params.size()));
}

Result<int64_t> Tx::InsertReturningId(std::string_view sql, std::initializer_list<SqlValue> params) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(sql, params));
  if (rows.empty()) {
    return MakeError(ErrorCode::kInternal, "Opslaan mislukt.", "Saving failed.");
  }
  return rows.front().Int(0);
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

}  // namespace meekijk::store
