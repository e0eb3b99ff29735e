// The plumbing shared by every Tx operation.
#include "store/tx.h"

#include <cctype>

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

Result<void> Tx::Ping() {
  MK_RETURN_IF_ERROR(Query("SELECT 1"));
  return Ok();
}

namespace {

// Identifiers cannot be bound as parameters, so a schema name is checked to be plain instead.
Result<void> CheckIdentifier(const std::string& name) {
  bool plain = !name.empty() && name.size() < 64;
  for (char c : name) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  if (plain) return Ok();
  return MakeError(ErrorCode::kInvalidArgument, "Ongeldige schemanaam.", "Invalid schema name.");
}

}  // namespace

Result<void> Tx::CreateSchema(const std::string& schema) {
  MK_RETURN_IF_ERROR(CheckIdentifier(schema));
  MK_RETURN_IF_ERROR(Execute("CREATE SCHEMA " + schema));
  return Ok();
}

Result<void> Tx::DropSchema(const std::string& schema) {
  MK_RETURN_IF_ERROR(CheckIdentifier(schema));
  MK_RETURN_IF_ERROR(Execute("DROP SCHEMA " + schema + " CASCADE"));
  return Ok();
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

}  // namespace meekijk::store
