// Values that cross the store's seam to an engine: bound parameters and result cells.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace meekijk::store {

// Bytes that are stored as BLOB (SQLite) or BYTEA (PostgreSQL), never as text.
struct Blob {
  std::string bytes;
};

using SqlValue = std::variant<std::monostate, int64_t, double, std::string, Blob>;

// Helpers that turn optional domain values into NULL or a value.
inline SqlValue Nullable(const std::optional<std::string>& value) {
  return value ? SqlValue(*value) : SqlValue();
}
inline SqlValue Nullable(const std::optional<int64_t>& value) {
  return value ? SqlValue(*value) : SqlValue();
}

// One result row. Accessors assume the query's own column order, so a wrong type is a bug.
class Row {
 public:
  explicit Row(std::vector<SqlValue> cells) : cells_(std::move(cells)) {}

  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(cells_.at(i)); }
  int64_t Int(size_t i) const;
  bool Bool(size_t i) const { return Int(i) != 0; }
  const std::string& Text(size_t i) const;
  std::optional<std::string> OptionalText(size_t i) const;
  std::optional<int64_t> OptionalInt(size_t i) const;
  std::string BlobBytes(size_t i) const;
  size_t size() const { return cells_.size(); }

 private:
  std::vector<SqlValue> cells_;
};

using Rows = std::vector<Row>;

}  // namespace meekijk::store
