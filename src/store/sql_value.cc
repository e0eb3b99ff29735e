// Typed access to result cells.
#include "store/sql_value.h"

#include <stdexcept>

namespace meekijk::store {

int64_t Row::Int(size_t i) const {
  const SqlValue& cell = cells_.at(i);
  if (auto* value = std::get_if<int64_t>(&cell)) return *value;
  if (auto* value = std::get_if<double>(&cell)) return static_cast<int64_t>(*value);
  if (auto* value = std::get_if<std::string>(&cell)) return std::stoll(*value);
  throw std::logic_error("column " + std::to_string(i) + " is not an integer");
}

const std::string& Row::Text(size_t i) const {
  const SqlValue& cell = cells_.at(i);
  if (auto* value = std::get_if<std::string>(&cell)) return *value;
  if (auto* value = std::get_if<Blob>(&cell)) return value->bytes;
  throw std::logic_error("column " + std::to_string(i) + " is not text");
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
