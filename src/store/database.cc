// Running one unit of work as one transaction, for every engine.
#include "store/database.h"

#include <chrono>

#include "core/log.h"
#include "core/metrics.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

constexpr std::string_view kDbSecondsMetric = "meekijk_db_transaction_seconds";

}  // namespace

void Database::RecordTransaction(std::chrono::steady_clock::time_point start,
                                 const char* outcome) {
  static const bool described = [] {
    metrics::Global().DescribeHistogram(
        std::string(kDbSecondsMetric), "Time spent in database transactions.",
        {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5});
    return true;
  }();
  (void)described;
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics::Global().Observe(std::string(kDbSecondsMetric), {{"outcome", outcome}}, seconds);
}

Result<void> Database::RunUnit(Tx& tx, const Work& work) {
  try {
    return work(tx);
  } catch (const RowError& e) {
    // A value the code does not know: never guess a default, refuse the whole unit of work.
    log::Error("row_unreadable", {{"column", e.column()}, {"what", e.what()}});
    // The stored value stays in this log line; the error names only the column.
    return MakeFact(ErrorCode::kInternal, "row_unreadable", e.column());
  } catch (const std::exception& e) {
    log::Error("transaction_threw", {{"what", e.what()}});
  } catch (...) {
    log::Error("transaction_threw");
  }
  return MakeFact(ErrorCode::kInternal, "unit_of_work_threw");
}

Result<void> Database::RunTransaction(Connection& connection, Dialect dialect,
                                      std::string_view begin_statement, const Work& work) {
  auto start = std::chrono::steady_clock::now();
  MK_RETURN_IF_ERROR(connection.Execute(begin_statement));
  Tx tx(connection, dialect, cipher());
  Result<void> result = RunUnit(tx, work);
  if (!result.ok()) {
    Result<int64_t> rolled_back = connection.Execute("ROLLBACK");
    if (!rolled_back.ok()) log::Warn("rollback_failed", {{"reason", rolled_back.error().reason}});
    RecordTransaction(start, "rollback");
    return result;
  }
  Result<int64_t> committed = connection.Execute("COMMIT");
  RecordTransaction(start, committed.ok() ? "commit" : "error");
  if (!committed.ok()) {
    (void)connection.Execute("ROLLBACK");
    return committed.error();
  }
  return Ok();
}

}  // namespace meekijk::store
