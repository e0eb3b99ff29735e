// Running statements inside the current transaction: what every repository is built on.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/connection.h"
#include "store/principal_tables.h"

namespace meekijk::store {

class Statements {
 public:
  explicit Statements(Connection& connection) : connection_(connection) {}

  Result<Rows> Query(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
    Note(sql);
    return connection_.Query(sql, std::span<const SqlValue>(params.begin(), params.size()));
  }
  Result<Rows> Query(std::string_view sql, const std::vector<SqlValue>& params) {
    Note(sql);
    return connection_.Query(sql, std::span<const SqlValue>(params.data(), params.size()));
  }
  Result<int64_t> Execute(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
    Note(sql);
    return connection_.Execute(sql, std::span<const SqlValue>(params.begin(), params.size()));
  }
  Result<int64_t> Execute(std::string_view sql, const std::vector<SqlValue>& params) {
    Note(sql);
    return connection_.Execute(sql, std::span<const SqlValue>(params.data(), params.size()));
  }
  // Runs an INSERT … RETURNING and returns the one integer it returns.
  Result<int64_t> InsertReturningId(std::string_view sql, const std::vector<SqlValue>& params);

  Connection& connection() { return connection_; }

 private:
  // Ends cached logins when a statement changes what they were read from (principal_tables.h).
  static void Note(std::string_view sql) {
    if (ChangesPrincipalTables(sql)) NotePrincipalTablesChanged();
  }

  Connection& connection_;
};

// "?, ?, ?" for an IN list of n bound parameters.
std::string Placeholders(size_t n);

// The bound parameters of an IN list.
std::vector<SqlValue> Ids(std::span<const int64_t> ids);

// `head`, then the ids of an IN list, then `tail`: made at its final size and filled in place
// (g++ 12 misreads a growing vector of variants as reading uninitialised strings).
std::vector<SqlValue> ParamsAround(std::initializer_list<SqlValue> head,
                                   std::span<const int64_t> ids,
                                   std::initializer_list<SqlValue> tail = {});

}  // namespace meekijk::store
