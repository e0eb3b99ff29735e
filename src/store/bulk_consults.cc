#include "store/bulk_consults.h"

#include <algorithm>
#include <string>
#include <vector>

#include "store/consult_tables.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

// Rows per statement: SQLite takes at most 32 766 parameters in one statement, PostgreSQL
// 65 535; a consult has about 45. Every full chunk reuses one prepared statement.
constexpr size_t kMaxParams = 30000;

template <typename Record>
Result<void> InsertChunked(Tx& tx, const Table<Record>& table, std::span<const Record> records) {
  const size_t per_row = table.bulk_params();
  const size_t rows_per_statement = std::max<size_t>(1, kMaxParams / per_row);
  Statements sql(tx.connection());
  std::vector<SqlValue> params;
  for (size_t start = 0; start < records.size(); start += rows_per_statement) {
    size_t rows = std::min(rows_per_statement, records.size() - start);
    params.assign(rows * per_row, SqlValue());
    size_t at = 0;
    for (size_t i = 0; i < rows; ++i) at = table.BindBulk(records[start + i], params, at);
    MK_RETURN_IF_ERROR(sql.Execute(table.BulkInsert(rows), params));
  }
  return Ok();
}

}  // namespace

Result<FreeIds> NextFreeIds(Tx& tx) {
  Statements sql(tx.connection());
  if (tx.dialect() == Dialect::kPostgres) {
    MK_RETURN_IF_ERROR(sql.Execute("LOCK TABLE consults, messages IN EXCLUSIVE MODE"));
  }
  MK_ASSIGN_OR_RETURN(Rows rows, sql.Query("SELECT (SELECT COALESCE(MAX(id), 0) FROM consults), "
                                           "(SELECT COALESCE(MAX(id), 0) FROM messages)"));
  FreeIds ids;
  ids.consult = rows.front().Int(0) + 1;
  ids.message = rows.front().Int(1) + 1;
  return ids;
}

Result<void> InsertConsults(Tx& tx, std::span<const domain::Consult> consults) {
  for (const domain::Consult& consult : consults) {
    const domain::Patient& patient = consult.content.patient;
    if (patient.name || patient.birth_date || patient.bsn) {
      return MakeFact(ErrorCode::kInvalidArgument, "bulk_path_takes_pseudonymised_consults");
    }
  }
  return InsertChunked(tx, ConsultTable(), consults);
}

Result<void> InsertMessages(Tx& tx, std::span<const domain::ThreadMessage> messages) {
  return InsertChunked(tx, MessageTable(), messages);
}

Result<int64_t> ReserveInSequence(Tx& tx, std::string_view counter, int64_t count) {
  Statements sql(tx.connection());
  return sql.InsertReturningId(
      "INSERT INTO counters (name, value) VALUES (?, ?) "
      "ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value RETURNING value",
      {std::string(counter), count});
}

Result<int> SuspendIndexes(Tx& tx) {
  Statements sql(tx.connection());
  // Unique indexes stay: they guard what the load writes (consult numbers).
  std::string_view list =
      tx.dialect() == Dialect::kPostgres
          ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename IN ('consults', 'messages') AND indexdef NOT LIKE 'CREATE UNIQUE%' "
            "ORDER BY indexname"
          : "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name IN ('consults', 'messages') AND sql IS NOT NULL "
            "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name";
  MK_ASSIGN_OR_RETURN(Rows indexes, sql.Query(list));
  for (const Row& index : indexes) {
    MK_RETURN_IF_ERROR(sql.Execute("INSERT INTO suspended_indexes (name, definition) VALUES (?, ?)",
                                   {index.Text(0), index.Text(1)}));
    MK_RETURN_IF_ERROR(sql.Execute("DROP INDEX " + index.Text(0)));
  }
  return static_cast<int>(indexes.size());
}

Result<int> RestoreIndexes(Tx& tx) {
  Statements sql(tx.connection());
  MK_ASSIGN_OR_RETURN(Rows indexes,
                      sql.Query("SELECT name, definition FROM suspended_indexes ORDER BY name"));
  for (const Row& index : indexes) {
    MK_RETURN_IF_ERROR(sql.Execute(index.Text(1)));
    MK_RETURN_IF_ERROR(sql.Execute("DELETE FROM suspended_indexes WHERE name = ?", {index.Text(0)}));
  }
  return static_cast<int>(indexes.size());
}

Result<void> FinishBulkLoad(Tx& tx) {
  if (tx.dialect() != Dialect::kPostgres) return Ok();
  Statements sql(tx.connection());
  for (std::string_view table : {"consults", "messages"}) {
    std::string statement = "SELECT setval(pg_get_serial_sequence('" + std::string(table) +
                             "', 'id'), (SELECT COALESCE(MAX(id), 1) FROM " + std::string(table) +
                             "))";
    MK_RETURN_IF_ERROR(sql.Query(statement));
  }
  return Ok();
}

}  // namespace meekijk::store
