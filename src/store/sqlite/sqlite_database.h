// The embedded engine: one SQLite file in WAL mode with synchronous=FULL, so that an answered
// write survives a power cut, and foreign keys enforced.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/database.h"
#include "store/statement_faults.h"

namespace meekijk::store::sqlite {

// Opens (creating when absent) the database file at `path`; ":memory:" is not supported, because
// readers and the writer need to share one database. `readers` connections serve read-only work
// concurrently; one writer connection serialises writes in the process, committing up to
// `max_batch` queued units of work together (group commit; 1 turns it off, for comparison).
// `faults`, for tests only, may fail any statement.
Result<std::unique_ptr<Database>> OpenSqliteDatabase(
    const std::string& path, int readers = 4, size_t max_batch = 128,
    std::shared_ptr<StatementFaults> faults = nullptr);

}  // namespace meekijk::store::sqlite
