// Values that cross the store's seam to an engine: bound parameters and result cells.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/enum_names.h"

namespace meekijk::store {

// Bytes that are stored as BLOB (SQLite) or BYTEA (PostgreSQL), never as text.
struct Blob {
  std::string bytes;
};

using SqlValue = std::variant<std::monostate, int64_t, double, std::string, Blob>;

// A stored value the code cannot read: a wrong type, a NULL where none may be, or a name this
// version does not know (a status, a role). Always a bug or a damaged database, never a default:
// the unit of work turns it into kInternal and logs the column.
class RowError : public std::runtime_error {
 public:
  RowError(std::string column, const std::string& problem)
      : std::runtime_error("column " + column + ": " + problem), column_(std::move(column)) {}
  const std::string& column() const { return column_; }

 private:
  std::string column_;
};

// The names of a result's columns, shared by all its rows.
using ColumnNames = std::shared_ptr<const std::vector<std::string>>;

// One result row. Accessors throw RowError, naming the column, for a cell of the wrong type.
class Row {
 public:
  Row(std::vector<SqlValue> cells, ColumnNames names)
      : cells_(std::move(cells)), names_(std::move(names)) {}

  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(Cell(i)); }
  int64_t Int(size_t i) const;
  bool Bool(size_t i) const { return Int(i) != 0; }
  const std::string& Text(size_t i) const;
  std::optional<std::string> OptionalText(size_t i) const;
  std::optional<int64_t> OptionalInt(size_t i) const;
  std::string BlobBytes(size_t i) const;
  // A name of one of the domain's enums; RowError for a name this version does not know.
  template <typename E>
  E Enum(size_t i) const {
    const std::string& text = Text(i);
    if (std::optional<E> value = domain::Parse<E>(text)) return *value;
    throw RowError(ColumnName(i), "unknown value \"" + text.substr(0, 40) + "\"");
  }
  size_t size() const { return cells_.size(); }
  std::string ColumnName(size_t i) const;

 private:
  const SqlValue& Cell(size_t i) const;

  std::vector<SqlValue> cells_;
  ColumnNames names_;
};

using Rows = std::vector<Row>;

}  // namespace meekijk::store
