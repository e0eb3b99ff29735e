// Retention (WGBO: a medical record is kept 20 years after the last change, unless the law or the
// patient asks otherwise): consults past the period are removed with their threads and files; the
// access log keeps its rows (NEN 7513 asks at least five years, and they hold no clinical data),
// and each removal is itself logged there.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

inline constexpr int kDefaultRetentionYears = 20;

struct PurgeReport {
  TimePoint cutoff;              // consults last changed before this are past the period
  std::vector<std::string> numbers;  // the consults removed (or, in a dry run, to be removed)
  bool dry_run = false;
};

class RetentionService {
 public:
  RetentionService(store::Database& database, const Clock& clock)
      : database_(database), clock_(clock) {}

  // kInvalidArgument for fewer than 1 or more than 115 years. `progress` hears the count so far.
  Result<PurgeReport> Purge(int years, bool dry_run,
                            const std::function<void(int64_t)>& progress = {});

 private:
  store::Database& database_;
  const Clock& clock_;
};

}  // namespace meekijk::service
