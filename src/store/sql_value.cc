// Typed access to result cells.
#include "store/sql_value.h"

#include "core/integer.h"

namespace meekijk::store {

std::string Row::ColumnName(size_t i) const {
  if (names_ && i < names_->size()) return (*names_)[i];
  std::string position = std::to_string(i);  // appended, not "#" + …: g++ 12 misreads that
  return position.insert(0, 1, '#');
}

const SqlValue& Row::Cell(size_t i) const {
  if (i >= cells_.size()) throw RowError(ColumnName(i), "missing from the result");
  return cells_[i];
}

int64_t Row::Int(size_t i) const {
  const SqlValue& cell = Cell(i);
  if (auto* value = std::get_if<int64_t>(&cell)) return *value;
  if (auto* value = std::get_if<double>(&cell)) return static_cast<int64_t>(*value);
  if (auto* value = std::get_if<std::string>(&cell)) {
    if (std::optional<int64_t> parsed = ParseInteger<int64_t>(*value)) return *parsed;
  }
  throw RowError(ColumnName(i), IsNull(i) ? "NULL where a number belongs" : "not a number");
}

const std::string& Row::Text(size_t i) const {
  const SqlValue& cell = Cell(i);
  if (auto* value = std::get_if<std::string>(&cell)) return *value;
  if (auto* value = std::get_if<Blob>(&cell)) return value->bytes;
  throw RowError(ColumnName(i), IsNull(i) ? "NULL where text belongs" : "not text");
}

std::optional<std::string> Row::OptionalText(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<int64_t> Row::OptionalInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::string Row::BlobBytes(size_t i) const { return Text(i); }

}  // namespace meekijk::store
