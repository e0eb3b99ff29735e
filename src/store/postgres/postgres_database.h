// The production engine: PostgreSQL 15 through libpq, shared by several meekijk nodes.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/database.h"
#include "store/statement_faults.h"

namespace meekijk::store::postgres {

// Connects to `url` (postgresql://user@host:port/db?options=...) and keeps up to `pool_size`
// connections, opened on demand and replaced when the server drops them. Fails when the server
// cannot be reached at all, so that a misconfigured node stops at start. `faults`, for tests
// only, may fail any statement.
Result<std::unique_ptr<Database>> OpenPostgresDatabase(
    const std::string& url, int pool_size = 8, std::shared_ptr<StatementFaults> faults = nullptr);

}  // namespace meekijk::store::postgres
