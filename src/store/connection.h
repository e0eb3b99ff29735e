// The seam between the store and one database engine: run one statement with bound parameters.
// SQL is written once with `?` placeholders; an engine that numbers its parameters rewrites them.
#pragma once

#include <span>
#include <string_view>

#include "core/result.h"
#include "store/sql_value.h"

namespace meekijk::store {

class Connection {
 public:
  virtual ~Connection() = default;
  // Runs a statement and returns its rows (empty for statements without RETURNING). Database
  // errors come back as kConflict for a violated unique or foreign key, else kUnavailable.
  virtual Result<Rows> Query(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
  // Runs a statement and returns how many rows it changed.
  virtual Result<int64_t> Execute(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
};

}  // namespace meekijk::store
