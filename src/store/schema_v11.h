// Schema version 11: the secondary indexes a bulk load took down (bulk_consults.h), remembered in
// the database itself, so that a load that was cut off has them built again at the next start.
#pragma once

#include <string_view>

namespace meekijk::store {

inline constexpr std::string_view kSchemaV11 = R"sql(
CREATE TABLE suspended_indexes (
  name TEXT PRIMARY KEY,
  definition TEXT NOT NULL
);
)sql";

}  // namespace meekijk::store
